import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { cityAdminToken, PASSWORD } from '../test/fixtures.js';
import { insertAccount } from '../modules/user/bootstrap.js';
import { Role } from './viewer.js';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-32-characters!' };
const INTROSPECT = '{ __schema { queryType { name } } }';

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: PRODUCTION });
  });
  afterAll(() => t.close());

  it('refuses introspection to anonymous callers but not to signed-in ones', async () => {
    const anonymous = await t.gql(INTROSPECT);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A refusal, not a server fault (it was 500, failing the graphql-http audit in production).
    expect(anonymous.status).toBe(401);
    // __type of a real type reads the schema too; of a name it lacks it answers null.
    const real = await t.gql('query($n: String!) { __type(name: $n) { name fields { name } } }', { n: 'User' });
    expect(real.status).toBe(401);
    const absent = await t.gql('{ __type(name: "NoSuchType") { name } }');
    expect(absent).toMatchObject({ status: 200, data: { __type: null } });
    const token = await cityAdminToken(t);
    expect((await t.gql(INTROSPECT, {}, token)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses demo credentials', async () => {
    await t.ds.transaction((em) =>
      insertAccount(em, {
        username: 'demo-city',
        displayName: '演示',
        password: PASSWORD,
        isDemo: true,
        grants: [{ role: Role.CITY_ADMIN }],
      }),
    );
    const r = await t.gql('mutation($p: String!) { login(username: "demo-city", password: $p) { token } }', {
      p: PASSWORD,
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('persisted queries', () => {
  let t: TestApp;
  const query = '{ districts { totalCount } }';
  const sha = createHash('sha256').update(query).digest('hex');
  const manifest = path.join(tmpdir(), `zhuji-operations-${process.pid}.json`);

  beforeAll(async () => {
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha, name: 'Districts', type: 'query', body: query }],
      }),
    );
    t = await startTestApp({ env: { OPERATIONS_ALLOWLIST: manifest } });
  });
  afterAll(() => t.close());

  const post = (body: object) =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => r.json(),
    );

  it('accepts registered operations and refuses others when the allowlist is on', async () => {
    expect(await post({ query })).toMatchObject({ data: { districts: { totalCount: 0 } } });
    const other = (await post({ query: '{ towns { totalCount } }' })) as { errors: { extensions: { code: string } }[] };
    expect(other.errors[0]!.extensions.code).toBe('OPERATION_NOT_REGISTERED');
  });

  it('serves automatic persisted queries by hash once registered', async () => {
    const ext = { persistedQuery: { version: 1, sha256Hash: sha } };
    const unknown = (await post({ extensions: ext })) as { errors: { extensions: { code: string } }[] };
    expect(unknown.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await post({ query, extensions: ext });
    expect(await post({ extensions: ext })).toMatchObject({ data: { districts: { totalCount: 0 } } });
  });
});
