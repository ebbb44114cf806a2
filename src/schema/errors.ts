// Typed errors in the schema: every expected failure implements the Error interface with a
// message and a machine-readable code, so clients can branch on __typename or code.
import {
  DomainError,
  ForbiddenError,
  EmailDeliveryError,
  ExportTooLargeError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  type FieldIssue,
} from '../domain/errors.js';
import { builder } from './builder.js';
import { globalIdFor } from './ids.js';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: the operation did not happen, and nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
    code: t.exposeString('code', { description: 'What went wrong, for programs: NOT_FOUND, VALIDATION_FAILED, ...' }),
  }),
});

export const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path to the field, e.g. ["input", "body"].' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'No such object in your account.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    typename: t.exposeString('typename', { description: 'The kind of object that was looked for.' }),
    id: t.id({ description: 'The global ID that was looked for.', resolve: (e) => globalIdFor(e.typename, e.id) }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; issues lists each field at fault.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], description: 'Each problem, with its field path.', resolve: (e) => e.issues }),
  }),
});

builder.objectType(InvalidStateError, {
  name: 'InvalidStateError',
  description: 'The object is in a state that does not allow this, e.g. approving a draft that was already sent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentState: t.exposeString('currentState', { description: 'The state the object is in.' }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Too many requests of this kind; try again later.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'Seconds to wait before trying again.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your role does not allow this (viewers read; agents also act on conversations; owners also manage users and keys).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    requiredRole: t.exposeString('requiredRole', { description: 'The role this needs.' }),
  }),
});

builder.objectType(EmailDeliveryError, {
  name: 'EmailDeliveryError',
  description:
    'The email provider did not take the email, so nothing was sent; an approved draft is back to PENDING. ' +
    'The attempt stays in the thread as a FAILED message.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    providerCode: t.int({
      nullable: true,
      description: "The provider's error code (Postmark ErrorCode, e.g. 300 invalid email, 406 inactive recipient, 10 bad token).",
      resolve: (e) => e.details.providerCode,
    }),
    providerMessage: t.string({ nullable: true, description: "The provider's own message.", resolve: (e) => e.details.providerMessage }),
    retryable: t.boolean({
      description: 'True when trying again later may work (rate limit, outage); false when the email itself was refused.',
      resolve: (e) => e.details.retryable,
    }),
  }),
});

builder.objectType(ExportTooLargeError, {
  name: 'ExportTooLargeError',
  description:
    "exportLeadData: the lead's data is larger than the server exports in one document (PRIVACY_EXPORT_MAX_BYTES, default 32 MiB, " +
    'measured on the stored text of their messages and sent copies before anything is read). Nothing was exported.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sizeBytes: t.float({ description: 'Bytes of stored text the export would carry.', resolve: (e) => e.sizeBytes }),
    limitBytes: t.float({ description: 'The bound, in bytes.', resolve: (e) => e.limitBytes }),
    messages: t.exposeInt('messages', { description: "How many messages the lead's conversations hold." }),
  }),
});

/** The errors every mutation can return; add the domain-specific ones per field. */
export const baseMutationErrors = [NotFoundError, ValidationError, ForbiddenError] as const;
