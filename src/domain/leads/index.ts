// Leads a team manages itself: add, correct, import from CSV.
export { createLead, type CreateLeadInput } from './create.js';
export { updateLead, type UpdateLeadInput } from './update.js';
export { importLeads, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportLeadsResult, type ImportRowResult, type ImportRowStatus } from './import.js';
export { DuplicateLeadError } from './write.js';
export { CUSTOM_FIELDS_MAX_BYTES, CUSTOM_FIELDS_MAX_DEPTH, CUSTOM_FIELDS_MAX_KEYS, LEAD_COMPANY_MAX, LEAD_NAME_MAX, LEAD_SOURCE_MAX } from './input.js';
