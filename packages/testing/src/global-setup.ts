import type { TestProject } from 'vitest/node';
import { startProduct, type Product } from './e2e';

let product: Product | undefined;

/**
 * One built server on one fresh database for all of an app's e2e files (each file opens
 * its own browser context): starting and seeding it is the slow part.
 */
export async function setup(project: TestProject): Promise<void> {
  product = await startProduct({ name: project.config.name || 'e2e' });
  project.provide('base', product.base);
}

export async function teardown(): Promise<void> {
  await product?.stop();
}
