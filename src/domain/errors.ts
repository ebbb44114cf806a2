// Expected failures. Each carries a machine-readable code; mutations return them as typed
// errors (Pothos errors plugin, src/schema/errors.ts) and queries expose them as GraphQL
// errors with that code in extensions (src/yoga.ts).

export interface FieldIssue {
  /** Path to the offending input field, e.g. ["input", "body"]. */
  path: string[];
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly typename: string,
    readonly id: string,
  ) {
    // The id stays out of the text: the API shows ids as global IDs (the error's `id` field).
    super(`The ${typename} was not found in your account.`);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  /** One error listing every issue: "Invalid input: input.body: must not be empty; ...". */
  static fromIssues(issues: FieldIssue[]): ValidationError {
    const text = issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return new ValidationError(`Invalid input: ${text}`, issues);
  }
}

export class InvalidIdError extends ValidationError {
  constructor(
    readonly value: string,
    expected?: string,
  ) {
    super(`"${value}" is not a valid ${expected ?? 'Parley'} ID.`, [
      { path: ['id'], message: `expected a ${expected ?? 'Parley'} global ID` },
    ]);
    this.name = 'InvalidIdError';
  }
}

/** The object exists but is in a state that does not allow the operation. */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';
  constructor(
    message: string,
    /** The state the object is in, e.g. "ARCHIVED" or "APPROVED". */
    readonly currentState: string,
  ) {
    super(message);
    this.name = 'InvalidStateError';
  }
}

/** Too many requests; try again after retryAfterSeconds. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** The caller is authenticated but their role does not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    message: string,
    /** The role this needs, e.g. "AGENT". */
    readonly requiredRole: string,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The email provider did not take the email. Nothing was sent; a draft stays approvable. */
export class EmailDeliveryError extends DomainError {
  readonly code = 'EMAIL_DELIVERY_FAILED';
  constructor(
    message: string,
    readonly details: {
      /** The provider's error code (Postmark ErrorCode, e.g. 300, 406), or Parley's reason. */
      providerCode: number | null;
      providerMessage: string | null;
      /** True when trying again later may work (rate limit, outage). */
      retryable: boolean;
      /** The OUTBOUND message that recorded the failed attempt. */
      messageId: string | null;
    },
  ) {
    super(message);
    this.name = 'EmailDeliveryError';
  }
}

/** pgvector is not installed in this database: similarity search cannot run (everything else works). */
export class VectorSearchUnavailableError extends DomainError {
  readonly code = 'VECTOR_SEARCH_UNAVAILABLE';
  constructor() {
    super('Similarity search is unavailable: the database has no pgvector extension.');
    this.name = 'VectorSearchUnavailableError';
  }
}

/**
 * A lead's export would be larger than PRIVACY_EXPORT_MAX_BYTES (docs/privacy.md): nothing was
 * read or returned; the operator raises the bound or exports the lead's data another way.
 */
export class ExportTooLargeError extends DomainError {
  readonly code = 'EXPORT_TOO_LARGE';
  constructor(
    /** Bytes of stored text the export would carry. */
    readonly sizeBytes: number,
    readonly limitBytes: number,
    readonly messages: number,
  ) {
    super(`The lead's export would be about ${sizeBytes} bytes (${messages} messages), more than the ${limitBytes} bytes allowed (PRIVACY_EXPORT_MAX_BYTES).`);
    this.name = 'ExportTooLargeError';
  }
}

/**
 * A replay was asked from an event cursor older than the event log keeps: events after it were
 * pruned, so the client must refetch its state and subscribe again without `since`.
 */
export class CursorExpiredError extends DomainError {
  readonly code = 'CURSOR_EXPIRED';
  constructor(
    readonly cursor: string,
    /** How long the log keeps events. */
    readonly retentionHours: number,
  ) {
    super(`Events after cursor ${cursor} are no longer kept (the event log keeps ${retentionHours} hours): refetch, then subscribe without \`since\`.`);
    this.name = 'CursorExpiredError';
  }
}
