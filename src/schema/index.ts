// Imports every type file and builds the schema; nothing else belongs here.
import { builder } from './builder.js';
import './enums.js';
import './lead.js';
import './message.js';
import './suggestion.js';
import './conversation.js';
import './stats.js';

export const schema = builder.toSchema({ sortSchema: true });
