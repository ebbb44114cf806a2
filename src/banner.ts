// The few lines a person reads when `npm start` is up: where to go, who they are, what to try.
import { DEV_USER } from './dev-user.js';
import type { Config } from './config.js';

export function startBanner(options: { url: string; config: Config; devToken?: string; readyMs: number }): string {
  const { url, config, devToken, readyMs } = options;
  const lines = [
    '',
    `  Parley is ready in ${(readyMs / 1000).toFixed(1)} s  (${config.database.kind === 'embedded' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL'})`,
    '',
    `  GraphiQL      ${url}/graphql${config.graphql.graphiql ? '   (press play on the example query)' : ''}`,
    `  Health        ${url}/health · ${url}/ready${config.observability.metricsToken ? ` · ${url}/metrics (bearer METRICS_TOKEN)` : ''}`,
  ];
  if (devToken) {
    lines.push(
      `  Signed in as  ${DEV_USER.name} <${DEV_USER.email}>, OWNER of account "${config.devAccountSlug}"`,
      `  Token         ${devToken}`,
      `                other clients send  Authorization: Bearer <token>; a new one: npm run auth:token -- ${DEV_USER.email}`,
      `  Try a reply   npm run demo:reply   (a lead answers; subscriptions in GraphiQL see newReply, then aiReady)`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
