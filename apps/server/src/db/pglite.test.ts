import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config.js';
import { createApp, type App } from '../app.js';
import { createDataSource } from './data-source.js';
import { District } from '../modules/district/district.entity.js';
import { DistrictKind } from '../modules/district/district.enums.js';
import { insertAccount, cityAdmin } from '../modules/user/bootstrap.js';

/**
 * The embedded database, end to end. One file, one process: PGlite allows a single
 * instance per process, and vitest's forks pool gives each file its own.
 */
describe('embedded PGlite database', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = createDataSource({ dataDir: 'memory://' });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });
  afterAll(() => ds.destroy());

  it('isolates concurrent transactions: one throws, exactly the other two commit', async () => {
    const insert = (code: string, fail: boolean) =>
      ds.transaction(async (em) => {
        await em.insert(District, { code, name: `并发${code}`, kind: DistrictKind.DISTRICT });
        // Yield so the other transactions get every chance to interleave with this one.
        await new Promise((r) => setTimeout(r, 20));
        await em.query('SELECT pg_sleep(0.01)');
        if (fail) throw new Error('boom');
      });
    const results = await Promise.allSettled([
      insert('990001', false),
      insert('990002', true),
      insert('990003', false),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const codes = (await ds.getRepository(District).find({ where: {}, order: { code: 'ASC' } }))
      .map((d) => d.code)
      .filter((c) => c.startsWith('99'));
    expect(codes).toEqual(['990001', '990003']);
  });

  describe('the whole server on it', () => {
    let app: App;
    let url: string;

    beforeAll(async () => {
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SEED_ON_START: 'false' });
      app = await createApp(config, { ds, logger: pino({ level: 'silent' }) });
      url = `http://127.0.0.1:${await app.listen()}/graphql`;
      await ds.transaction((em) => insertAccount(em, cityAdmin('pglite-admin', 'pglite-password')));
    });
    afterAll(() => app.close());

    const gql = async (query: string, variables: object = {}, token?: string) =>
      (await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json())) as { data?: any; errors?: any[] };

    it('signs in, writes through mutations and reads nested connections back', async () => {
      const login = await gql('mutation { login(username: "pglite-admin", password: "pglite-password") { token } }');
      const token = login.data.login.token as string;
      const d = await gql(
        'mutation { createDistrict(input: { code: "370999", name: "嵌入区", kind: ZONE }) { id } }',
        {},
        token,
      );
      const town = await gql(
        'mutation($d: ID!) { createTown(input: { code: "370999001", name: "嵌入镇", kind: TOWN, districtId: $d }) { id } }',
        { d: d.data.createDistrict.id },
        token,
      );
      expect(town.errors).toBeUndefined();
      const r = await gql(
        '{ districts(filter: { search: "嵌入" }) { totalCount edges { node { name kind towns { totalCount nodes { name } } } } } }',
      );
      expect(r.data.districts).toEqual({
        totalCount: 1,
        edges: [{ node: { name: '嵌入区', kind: 'ZONE', towns: { totalCount: 1, nodes: [{ name: '嵌入镇' }] } } }],
      });
    });
  });
});
