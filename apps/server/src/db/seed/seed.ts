// Placeholder until the demo-data generator lands (being written now).
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger.js';

export interface SeedOptions {
  scale: 'city' | 'province' | 'small';
  logger?: Logger;
}

export async function seedIfEmpty(_ds: DataSource, _options: SeedOptions): Promise<null> {
  return null;
}
