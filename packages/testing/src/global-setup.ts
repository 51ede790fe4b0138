import type { TestProject } from 'vitest/node';
import { startProduct, type Product } from './e2e';

let product: Product | undefined;

/**
 * One built server on one fresh database for all of an app's e2e files (each file opens
 * its own browser context): starting and seeding it is the slow part.
 */
export async function setup(project: TestProject): Promise<void> {
  const name = project.config.name || 'e2e';
  // The portal's tests also drive the console (a plan returned there, resubmitted here).
  const clients = name === 'portal' ? ['portal', 'admin'] : name === 'admin' ? ['admin'] : [];
  const builds = ['apps/server/dist/main.js', ...clients.map((c) => `apps/${c}/dist/index.html`)];
  product = await startProduct({ name, builds });
  project.provide('base', product.base);
}

export async function teardown(): Promise<void> {
  await product?.stop();
}
