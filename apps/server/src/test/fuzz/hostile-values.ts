/**
 * Values a buggy script or a hostile caller sends, by the GraphQL type they are aimed at.
 * The fuzz suite (fuzz.ts) sends each one in place of each argument and input field of
 * every root query and mutation. Add to these lists whenever a new kind of bad input is
 * seen in the wild: a value here that breaks the server is a bug with a test already.
 */
export const HOSTILE_TEXT: readonly unknown[] = [
  '',
  ' ',
  'a'.repeat(10_000),
  'NUL\u0000inside',
  'lone\uD800high',
  'lone\uDC00low',
  '\uFEFF',
  '😀'.repeat(100),
  "'; DROP TABLE school; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '%s%n%x',
  '１２３４５',
  '\u202Eright-to-left',
];

const WRONG_TYPES: readonly unknown[] = [null, true, 12, 1.5, {}, [], 'not-a-number'];

export const HOSTILE_BY_TYPE: Record<string, readonly unknown[]> = {
  String: [...HOSTILE_TEXT, null, 12, true, {}, ['a']],
  ID: [
    '',
    'x',
    '0',
    '-1',
    'U2Nob29sOjA=',
    'U2Nob29sOm5vdC1hLXV1aWQ=',
    'VG93bjo=',
    '%%%',
    'a'.repeat(10_000),
    'NUL\u0000',
    'a\uD800',
    null,
    12,
    {},
  ],
  Int: [0, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 1.5, 1e308, -1e308, '1', null, true, {}],
  Float: [0, -0.0, -1, 1e308, -1e308, 5e-324, 1.5e300, '1.5', null, true, {}],
  Boolean: ['true', 0, 1, null, {}],
  Date: [
    '0000-01-01',
    '1899-12-31',
    '2101-01-01',
    '9999-12-31',
    '2023-02-30',
    '2023-13-01',
    '2023-1-1',
    '',
    '20230101',
    'yesterday',
    null,
    20230101,
  ],
  DateTimeISO: ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'not-a-time', '', null, 0],
  JSONObject: [null, [], 'x', 1, { a: '\u0000' }, { deep: { deeper: { deepest: 'x'.repeat(10_000) } } }],
};

/** For an enum: a name it lacks, the right name in the wrong case, and wrong types. */
export function hostileEnum(values: readonly string[]): unknown[] {
  const first = values[0] ?? 'X';
  return ['NOT_A_VALUE', first.toLowerCase(), '', null, 1];
}

/** For a list: empty, a null item, a long one, and the wrong shape. */
export function hostileList(item: unknown): unknown[] {
  return [[], [null], Array.from({ length: 1_000 }, () => item), 'not-a-list', null];
}

/** For an input object: the wrong shapes. */
export const HOSTILE_OBJECT: readonly unknown[] = [null, 'x', [], 1, { unknownField: 1 }];

export const WRONG_TYPE_VALUES = WRONG_TYPES;
