import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

const run = promisify(execFile);
const script = path.join(import.meta.dirname, 'create-admin.ts');

describe('create-admin CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cli = (args: string[], password?: string) =>
    run(process.execPath, ['--import', '@oxc-node/core/register', script, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        LOG_LEVEL: 'silent',
        ...(password ? { ZHUJI_ADMIN_PASSWORD: password } : {}),
      },
    });

  it('creates the first city admin, who can sign in and see the city', async () => {
    const { stdout } = await cli(['first-admin'], 'a-strong-first-password');
    expect(stdout).toMatch(/created city admin first-admin/);
    const token = await t.login('first-admin', 'a-strong-first-password');
    const me = await t.gql('{ me { username grants { role } } }', {}, token);
    expect(me.data).toEqual({ me: { username: 'first-admin', grants: [{ role: 'CITY_ADMIN' }] } });
  });

  it('refuses a short password and an existing username', async () => {
    await expect(cli(['short-one'], 'short')).rejects.toMatchObject({ code: 64 });
    await expect(cli(['first-admin'], 'another-strong-password')).rejects.toMatchObject({ code: 1 });
  });
});
