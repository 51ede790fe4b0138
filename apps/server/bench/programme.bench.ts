/**
 * Times the programme's live figures over HTTP against a seeded PostgreSQL database:
 *   DATABASE_URL=postgres://…/zhuji_bench npm run bench:programme --workspace @zhuji/server
 * Seed first (`npm run db:seed -- --scale province`, about 1.4 million teachers). Prints
 * the median and worst of several runs; performance goals live here, never in tests.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL to a seeded PostgreSQL database');
  process.exit(64);
}
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  LOG_LEVEL: 'silent',
});
const app = await createApp(config, { logger: pino({ level: 'silent' }) });
const url = `http://127.0.0.1:${await app.listen()}/graphql`;

async function gql(query: string, variables: object = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function time(label: string, run: () => Promise<unknown>) {
  await run(); // warm caches and plans once
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(5)} ms   worst ${ms.at(-1)!.toFixed(0).padStart(5)} ms`,
  );
}

try {
  const token = (await gql('mutation { login(username: "demo-city", password: "zhuji-demo") { token } }')).login.token;
  const counts = (await gql('{ schools { totalCount } teachers { totalCount } }', {}, token)) as {
    schools: { totalCount: number };
    teachers: { totalCount: number };
  };
  console.log(
    `database: ${counts.schools.totalCount} schools, ${counts.teachers.totalCount} teachers; ${RUNS} runs each`,
  );
  const shanghe = (await gql('{ districts(filter: { search: "商河" }) { nodes { id } } }', {}, token)).districts
    .nodes[0].id;
  const town = (
    await gql(
      'query($d: ID!) { towns(filter: { districtId: $d, inProgramme: true }, first: 1) { nodes { id name } } }',
      { d: shanghe },
      token,
    )
  ).towns.nodes[0];

  await time('programmeSummary, whole city (all programme towns)', () =>
    gql('{ programmeSummary { townCount townsMeetingAll shareMeetingAll goals { goal townsMeeting } } }', {}, token),
  );
  await time('programmeSummary, one district (商河县) with every verdict', () =>
    gql(
      'query($d: ID!) { programmeSummary(districtId: $d) { townCount towns { meetsAll goals { goal met reason inputs { name value } } } } }',
      { d: shanghe },
      token,
    ),
  );
  await time(`goalAttainment, one town (${town.name})`, () =>
    gql(
      'query($t: ID!) { goalAttainment(townId: $t) { meetsAll goals { goal met reason inputs { name value baseline } } } }',
      { t: town.id },
      token,
    ),
  );
  await time('district staffing indicators (商河县, all stages)', () =>
    gql(
      'query($d: ID!) { district(id: $d) { staffing { indicator stage value { share } baseline { share } } } }',
      { d: shanghe },
      token,
    ),
  );
  await time('teachers page 1 (100 rows, totalCount)', () =>
    gql('{ teachers(first: 100) { totalCount nodes { name } } }', {}, token),
  );
} finally {
  await app.close();
}
