// The team inbox's object types (issue 18, part A): labels and notes. Apart from inbox.ts so
// that conversation.ts can use them without importing the mutations.
import { builder } from './builder.js';
import { actorForApi } from './ids.js';

export const LabelRef = builder.prismaNode('Label', {
  id: { field: 'id' },
  nullable: true,
  description: 'An account-defined label for conversations.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, unique in the account whatever the case.' }),
    color: t.exposeString('color', { description: 'Its colour as #rrggbb (lower case).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

export const NoteNode = builder.prismaNode('Note', {
  id: { field: 'id' },
  nullable: true,
  description: "An internal note on a conversation: for the team only, never sent to the lead nor shown to the AI.",
  fields: (t) => ({
    body: t.exposeString('body', { description: 'What it says (plain text; "@email" mentions notify those users).' }),
    author: t.relation('author', { nullable: true, description: 'Who wrote it; null when an API key wrote it or the user was removed.' }),
    actor: t.string({
      description: 'Who wrote it: the global ID of a User or ApiKey (kept when the user is removed).',
      resolve: (note) => actorForApi(note.actor),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written.' }),
    conversation: t.relation('conversation', { description: 'The conversation it is on.' }),
  }),
});
