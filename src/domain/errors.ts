// Expected failures. Each carries a machine-readable code; mutations return them as typed
// errors (Pothos errors plugin) and queries expose them as GraphQL errors with that code.

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
    super(`${typename} ${id} was not found.`);
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
}

export class InvalidIdError extends ValidationError {
  constructor(readonly value: string, expected?: string) {
    super(`"${value}" is not a valid ${expected ?? 'Parley'} ID.`, [
      { path: ['id'], message: `expected a ${expected ?? 'Parley'} global ID` },
    ]);
    this.name = 'InvalidIdError';
  }
}
