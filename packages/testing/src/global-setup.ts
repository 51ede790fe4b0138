import type { TestProject } from 'vitest/node';
import { startProduct, type E2EDatabase, type Product } from './e2e';

let product: Product | undefined;

/**
 * One built server on one fresh database for all of an app's e2e files (each file opens
 * its own browser context): starting and seeding it is the slow part. The config's
 * `test.env.ZHUJI_E2E_DATABASE=embedded` (or the same variable in the environment) runs
 * them on the embedded database instead of PostgreSQL (`vitest.e2e-embedded.config.ts`).
 */
export async function setup(project: TestProject): Promise<void> {
  const name = project.config.name || 'e2e';
  // The portal's tests also drive the console (a plan returned there, resubmitted here).
  const app = name.replace(/-embedded$/, '');
  const clients = app === 'portal' ? ['portal', 'admin'] : app === 'admin' ? ['admin'] : [];
  const builds = ['apps/server/dist/main.js', ...clients.map((c) => `apps/${c}/dist/index.html`)];
  const database = (project.config.env?.ZHUJI_E2E_DATABASE ??
    process.env.ZHUJI_E2E_DATABASE ??
    'postgres') as E2EDatabase;
  product = await startProduct({ name, builds, database });
  project.provide('base', product.base);
}

export async function teardown(): Promise<void> {
  await product?.stop();
}
