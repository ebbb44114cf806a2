import { isObjectType } from 'graphql';
// Imports every type file and builds the schema; nothing else belongs here.
import { builder } from './builder.js';
import './enums.js';
import './errors.js';
import './lead.js';
import './message.js';
import './suggestion.js';
import './conversation.js';
import './stats.js';
import './subscriptions.js';
import './team.js';
import './outbox.js';
import './similar.js';
import './suggested-action.js';
import './scheduling.js';
import './inbox-types.js';
import './inbox.js';
import './snooze.js';
import './template.js';
import './webhook.js';
import './privacy.js';

export const schema = builder.toSchema({ sortSchema: true });

// plugin-prisma adds `totalCount` to connections without a way to describe it; describe it
// here so every field in GraphiQL carries documentation.
for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const totalCount = type.getFields().totalCount;
    if (totalCount && !totalCount.description) totalCount.description = 'Number of items in the whole connection, across all pages.';
  }
}
