// Email templates with variables from the lead and the sender (Mustache).
export { createTemplate, deleteTemplate, renderTemplateForLead, templateExamples, TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, updateTemplate } from './manage.js';
export { TEMPLATE_VARIABLES } from './render.js';
