// The database's enums, for modules outside src/db (row types: client.ts): only src/db imports the
// generated Prisma client, so a regenerated client changes one import path, not forty.
export * from '../../prisma/generated/client/enums.js';
