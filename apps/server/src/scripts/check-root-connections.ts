/**
 * Queries every root connection, with every scalar field of its nodes, on a running server
 * as the demo city admin, and exits non-zero on any error. CI runs it on the built server
 * after its second start on one embedded data directory (the start users make every
 * morning). Usage: check-root-connections.js http://127.0.0.1:4199
 */
import 'reflect-metadata';
import { createSchema } from '../schema.js';
import { DEMO_CITY, DEMO_PASSWORD } from '../db/seed/accounts.js';
import { queryRootConnections } from './root-connections.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4000';
const url = `${base}/graphql`;
const login = (await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: DEMO_CITY, p: DEMO_PASSWORD },
  }),
}).then((r) => r.json())) as { data?: { login: { token: string } }; errors?: unknown[] };
if (!login.data) {
  console.error(`sign-in as ${DEMO_CITY} failed: ${JSON.stringify(login.errors)}`);
  process.exit(1);
}

const answers = await queryRootConnections(await createSchema(), url, login.data.login.token);
const failed = answers.filter((a) => a.errors);
for (const a of answers)
  console.log(`${a.errors ? 'FAIL' : 'ok  '} ${a.field} ${a.errors ? JSON.stringify(a.errors) : a.totalCount}`);
console.log(`${answers.length - failed.length} of ${answers.length} root connections answered without errors`);
if (failed.length > 0 || answers.length === 0) process.exit(1);
