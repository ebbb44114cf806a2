// The Pothos Prisma plugin's generated types and data model, for src/schema/builder.ts: only
// src/db imports what Prisma generates.
export type { default as PrismaTypes } from '../../prisma/generated/pothos-types.js';
export { getDatamodel } from '../../prisma/generated/pothos-types.js';
