// The `conversation` field of a mutation payload: the conversation the use case changed, loaded
// through Pothos with the client's selection (domain functions return ids). Shared by every
// payload that answers with its conversation.
import { builder } from './builder.js';
import { dbOf } from '../graphql-context.js';

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

export function conversationPayloadField<Payload extends { conversationId: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Payload>,
  description = 'The conversation as it is now.',
) {
  return t.prismaField({
    type: 'Conversation',
    description,
    resolve: (query, p, _args, ctx) => dbOf(ctx).conversation.findUniqueOrThrow({ ...query, where: { id: p.conversationId } }),
  });
}
