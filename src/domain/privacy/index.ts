// A lead's privacy rights: export everything stored about them, erase it.
export { eraseLead } from './erase.js';
export { exportLeadData, LEAD_EXPORT_VERSION } from './export.js';
