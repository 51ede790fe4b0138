import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCompose } from '../scripts/validate-compose.js';

describe('docker-compose.yml', () => {
  it('is valid per the Compose Specification schema', () => {
    expect(validateCompose(path.resolve(import.meta.dirname, '../../../../docker-compose.yml'))).toEqual([]);
  });

  it('the validator catches a broken file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'compose-')), 'docker-compose.yml');
    writeFileSync(file, 'services:\n  a:\n    image: 3\n    bogus: 1\n');
    expect(validateCompose(file).join('\n')).toMatch(/additional properties[\s\S]*image must be string/);
  });
});
