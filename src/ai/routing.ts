// Which model does what: a cheap one reads replies; drafting uses the premium model only for
// leads whose estimated value reaches the configured threshold.
import type { Config } from '../config.js';
import type { LeadFacts } from './port.js';

export function analysisModel(ai: Config['ai']): string {
  return ai.analysisModel;
}

export function draftModel(ai: Config['ai'], lead: Pick<LeadFacts, 'estimatedValue'>): string {
  return lead.estimatedValue !== null && lead.estimatedValue >= ai.premiumMinLeadValue ? ai.premiumModel : ai.draftModel;
}
