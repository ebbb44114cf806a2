// `npm run auth:token -- <email> [account-slug] [ttl-seconds]`: prints a bearer token for a user.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { createTokenVerifier } from './tokens.js';

const [email, slug, ttl] = process.argv.slice(2);
if (!email) {
  console.error('usage: npm run auth:token -- <email> [account-slug] [ttl-seconds]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const user = await database.prisma.user.findFirst({
    where: { email: email.toLowerCase(), ...(slug ? { account: { slug } } : {}) },
  });
  if (!user) throw new Error(`No user ${email}${slug ? ` in account ${slug}` : ''}.`);
  const token = await createTokenVerifier(config.auth).sign({ userId: user.id, accountId: user.accountId, role: user.role }, Number(ttl ?? Math.min(3600, config.auth.maxTokenLifetimeSeconds)));
  console.log(token);
} finally {
  await database.close();
}
