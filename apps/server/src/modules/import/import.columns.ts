import { SchoolLocality, SchoolStage } from '../school/school.enums.js';
import { BackboneLevel, Degree, Gender, Title } from '../teacher/teacher.enums.js';
import { GroupMemberRole, TrusteeshipMeasure, TrusteeshipMode } from '../collaboration/collaboration.enums.js';

/**
 * The columns of the import files, in the Chinese headings districts already use. Each
 * column also accepts its English field name as heading, and each enum cell the Chinese
 * term or the English enum name. Cells are parsed here; the field rules (lengths, ranges,
 * ID-number check digits) are the input classes' own class-validator rules.
 */

export const IMPORT_KINDS = ['schools', 'teachers', 'memberships', 'trusteeships'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string; messageZh: string };

export interface ColumnSpec {
  /** property of the kind's input class (or a code or name that names a parent) */
  key: string;
  zh: string;
  /** other headings districts use for the same column */
  aliases?: string[];
  required: boolean;
  /** value for an empty cell: the GraphQL input's default (undefined: null) */
  empty?: unknown;
  parse: (cell: unknown) => Parsed;
  /** the template's example cell */
  example: string;
}

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (message: string, messageZh: string): Parsed => ({ ok: false, message, messageZh });

/** A spreadsheet cell as text: numbers without exponent, rich text joined, formulas by result. */
export function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const s = cell.replace(/[\u3000\u00a0]/g, ' ').trim();
    return s === '' ? null : s;
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(cell);
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const text = (cell: unknown) => ok(cellText(cell));

/** Codes and numbers typed into Excel often arrive as numbers; 18-digit ones were rounded. */
const code = (cell: unknown) =>
  typeof cell === 'number' && !Number.isSafeInteger(cell)
    ? bad('must be stored as text (Excel rounds long numbers)', '须以文本格式填写（Excel 会把长数字四舍五入）')
    : ok(cellText(cell));

function int(cell: unknown): Parsed {
  const s = cellText(cell);
  if (s === null) return ok(null);
  if (!/^[+-]?\d{1,9}$/.test(s)) return bad('must be a whole number', '须为整数');
  return ok(Number(s));
}

const TRUE = new Set(['是', 'true', '1', 'y', 'yes', '√']);
const FALSE = new Set(['否', 'false', '0', 'n', 'no', '×']);
function bool(cell: unknown): Parsed {
  if (typeof cell === 'boolean') return ok(cell);
  const s = cellText(cell)?.toLowerCase();
  if (s === undefined || s === null) return ok(null);
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad('must be 是 or 否 (true or false)', '须为“是”或“否”');
}

function enumOf(terms: Record<string, string>): (cell: unknown) => Parsed {
  const byKey = new Map<string, string>();
  for (const [zh, value] of Object.entries(terms)) {
    byKey.set(zh, value);
    byKey.set(value.toLowerCase(), value);
  }
  const zhList = Object.keys(terms).join('、');
  const enList = [...new Set(Object.values(terms))].join(', ');
  return (cell) => {
    const s = cellText(cell);
    if (s === null) return ok(null);
    const value = byKey.get(s) ?? byKey.get(s.toLowerCase());
    return value ? ok(value) : bad(`must be one of ${enList}`, `取值无效，应为：${zhList}`);
  };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** 2015-09-01, 2015/9/1, 2015.9.1, 20150901, 2015年9月1日, an Excel date or its serial number. */
function date(cell: unknown): Parsed {
  if (cell instanceof Date) return ok(isoDay(cell));
  if (typeof cell === 'number' && cell > 0 && cell < 100_000 && Number.isInteger(cell))
    return ok(isoDay(new Date(EXCEL_EPOCH + cell * 86_400_000)));
  const s = cellText(cell);
  if (s === null) return ok(null);
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (m) {
    // Checked by arithmetic, not through Date objects: this runs for every date cell of a roster.
    const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const last = mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1];
    if (y >= 1900 && last !== undefined && d >= 1 && d <= last) return ok(`${y}-${pad2(mo)}-${pad2(d)}`);
  }
  return bad('must be a date such as 2015-09-01', '须为日期，如 2015-09-01');
}

/** Several values in one cell: 联合教研、经验输出 (also separated by , ， ; ； / or spaces). */
function listOf(parse: (cell: unknown) => Parsed): (cell: unknown) => Parsed {
  return (cell) => {
    const s = cellText(cell);
    if (s === null) return ok(null);
    const values: unknown[] = [];
    for (const part of s.split(/[、,，;；/\s]+/)) {
      if (part === '') continue;
      const p = parse(part);
      if (!p.ok) return p;
      if (!values.includes(p.value)) values.push(p.value);
    }
    return ok(values);
  };
}

export const STAGE_TERMS = {
  幼儿园: SchoolStage.KINDERGARTEN,
  小学: SchoolStage.PRIMARY,
  初中: SchoolStage.JUNIOR,
  九年一贯制: SchoolStage.NINE_YEAR,
};
const LOCALITY_TERMS = { 城区: SchoolLocality.URBAN, 镇区: SchoolLocality.TOWN, 乡村: SchoolLocality.RURAL };
const GENDER_TERMS = { 男: Gender.MALE, 女: Gender.FEMALE };
const DEGREE_TERMS = {
  研究生: Degree.POSTGRADUATE,
  // what rosters often write instead of 研究生 / 专科
  硕士: Degree.POSTGRADUATE,
  博士: Degree.POSTGRADUATE,
  本科: Degree.BACHELOR,
  专科: Degree.ASSOCIATE,
  大专: Degree.ASSOCIATE,
  高中及以下: Degree.HIGH_SCHOOL_OR_BELOW,
};
const TITLE_TERMS = {
  正高级: Title.SENIOR_PROFESSOR,
  高级: Title.SENIOR,
  一级: Title.FIRST,
  二级: Title.SECOND,
  三级: Title.THIRD,
  未定级: Title.UNRANKED,
};
const BACKBONE_TERMS = {
  无: BackboneLevel.NONE,
  // the exports' word, so an exported roster imports back
  非骨干: BackboneLevel.NONE,
  县级: BackboneLevel.COUNTY,
  市级: BackboneLevel.CITY,
  省级: BackboneLevel.PROVINCE,
};

const MEMBER_ROLE_TERMS = {
  龙头校: GroupMemberRole.LEAD,
  牵头校: GroupMemberRole.LEAD,
  成员校: GroupMemberRole.MEMBER,
  集团分校: GroupMemberRole.BRANCH_CAMPUS,
  分校: GroupMemberRole.BRANCH_CAMPUS,
};
const MODE_TERMS = {
  全面托管: TrusteeshipMode.FULL_TRUSTEESHIP,
  托管: TrusteeshipMode.FULL_TRUSTEESHIP,
  集团分校: TrusteeshipMode.GROUP_BRANCH,
  携手结对: TrusteeshipMode.PAIRING,
  结对: TrusteeshipMode.PAIRING,
  城乡对口帮扶: TrusteeshipMode.COUNTERPART_SUPPORT,
  对口帮扶: TrusteeshipMode.COUNTERPART_SUPPORT,
};
const MEASURE_TERMS = {
  交流任职: TrusteeshipMeasure.SECONDED_LEADERSHIP,
  联合教研: TrusteeshipMeasure.JOINT_RESEARCH,
  经验输出: TrusteeshipMeasure.EXPERIENCE_SHARING,
  文化帮扶: TrusteeshipMeasure.CULTURE_SUPPORT,
};

export const SCHOOL_COLUMNS: ColumnSpec[] = [
  { key: 'code', zh: '学校标识码', required: true, parse: code, example: '3701120001' },
  { key: 'name', zh: '学校名称', required: true, parse: text, example: '示例镇中心小学' },
  { key: 'stage', zh: '学段', required: true, parse: enumOf(STAGE_TERMS), example: '小学' },
  { key: 'locality', zh: '城乡分类', required: true, parse: enumOf(LOCALITY_TERMS), example: '镇区' },
  { key: 'isTownSeat', zh: '是否镇驻地学校', required: false, empty: false, parse: bool, example: '是' },
  { key: 'townCode', zh: '乡镇代码', required: true, parse: code, example: '370112101' },
  { key: 'address', zh: '地址', required: false, parse: text, example: '示例镇人民路 1 号' },
  { key: 'studentCount', zh: '在校生数', required: false, empty: 0, parse: int, example: '860' },
  { key: 'classCount', zh: '班级数', required: false, empty: 0, parse: int, example: '18' },
  { key: 'isBoarding', zh: '是否寄宿制', required: false, empty: false, parse: bool, example: '否' },
  { key: 'providesLunch', zh: '是否提供午餐', required: false, empty: false, parse: bool, example: '是' },
  { key: 'runsSchoolBus', zh: '是否开通校车', required: false, empty: false, parse: bool, example: '否' },
  { key: 'foundedYear', zh: '建校年份', required: false, parse: int, example: '1958' },
];

export const TEACHER_COLUMNS: ColumnSpec[] = [
  { key: 'schoolCode', zh: '学校标识码', required: true, parse: code, example: '3701120001' },
  { key: 'staffNumber', zh: '工号', required: true, parse: code, example: 'T0001' },
  { key: 'name', zh: '姓名', required: true, parse: text, example: '张三' },
  { key: 'gender', zh: '性别', required: true, parse: enumOf(GENDER_TERMS), example: '女' },
  { key: 'subject', zh: '任教学科', required: false, parse: text, example: '语文' },
  { key: 'isFullTime', zh: '是否专任', required: false, empty: true, parse: bool, example: '是' },
  { key: 'degree', zh: '学历', required: true, parse: enumOf(DEGREE_TERMS), example: '本科' },
  { key: 'title', zh: '职称', required: false, empty: Title.UNRANKED, parse: enumOf(TITLE_TERMS), example: '一级' },
  {
    key: 'backboneLevel',
    zh: '骨干级别',
    aliases: ['骨干教师级别'],
    required: false,
    empty: BackboneLevel.NONE,
    parse: enumOf(BACKBONE_TERMS),
    example: '县级',
  },
  { key: 'isRenowned', zh: '是否名师', required: false, empty: false, parse: bool, example: '否' },
  { key: 'hireDate', zh: '入职日期', required: false, parse: date, example: '2015-09-01' },
  { key: 'idNumber', zh: '身份证号', required: false, parse: code, example: '370112199001011237' },
  { key: 'phone', zh: '联系电话', required: false, parse: code, example: '13800000000' },
  { key: 'birthDate', zh: '出生日期', required: false, parse: date, example: '1990-01-01' },
];

/**
 * One row per school's stay in a collaboration group. Groups have no code: the group is
 * named as districts name it, and 龙头校标识码 tells apart groups that share a name. The
 * natural key is group, school and joining day (a school's stays in a group never overlap).
 */
export const MEMBERSHIP_COLUMNS: ColumnSpec[] = [
  {
    key: 'groupName',
    zh: '组织名称',
    aliases: ['集团名称', '共同体名称'],
    required: true,
    parse: text,
    example: '示例教育集团',
  },
  { key: 'leadSchoolCode', zh: '龙头校标识码', required: false, parse: code, example: '3701120001' },
  {
    key: 'schoolCode',
    zh: '学校标识码',
    aliases: ['成员校标识码'],
    required: true,
    parse: code,
    example: '3701120002',
  },
  {
    key: 'role',
    zh: '成员角色',
    aliases: ['角色'],
    required: true,
    parse: enumOf(MEMBER_ROLE_TERMS),
    example: '成员校',
  },
  { key: 'joinedOn', zh: '加入日期', required: true, parse: date, example: '2023-09-01' },
  { key: 'leftOn', zh: '退出日期', required: false, parse: date, example: '' },
];

/**
 * One row per trusteeship: the strong lead school (龙头校) takes the partner school
 * (受援学校) in hand. Natural key: lead school, partner school and start date.
 */
export const TRUSTEESHIP_COLUMNS: ColumnSpec[] = [
  {
    key: 'leadSchoolCode',
    zh: '龙头校标识码',
    aliases: ['托管方学校标识码'],
    required: true,
    parse: code,
    example: '3701120001',
  },
  {
    key: 'partnerSchoolCode',
    zh: '受援学校标识码',
    aliases: ['托管学校标识码', '被托管学校标识码', '帮扶对象学校标识码'],
    required: true,
    parse: code,
    example: '3701120002',
  },
  {
    key: 'mode',
    zh: '帮扶方式',
    aliases: ['托管方式'],
    required: true,
    parse: enumOf(MODE_TERMS),
    example: '全面托管',
  },
  {
    key: 'measures',
    zh: '帮扶措施',
    required: false,
    empty: [],
    parse: listOf(enumOf(MEASURE_TERMS)),
    example: '交流任职、联合教研',
  },
  { key: 'startDate', zh: '开始日期', required: true, parse: date, example: '2023-09-01' },
  { key: 'plannedEndDate', zh: '计划结束日期', required: false, parse: date, example: '2026-08-31' },
  { key: 'actualEndDate', zh: '实际结束日期', required: false, parse: date, example: '' },
  { key: 'agreementRef', zh: '协议文号', required: false, parse: text, example: '济教字〔2023〕12号' },
  { key: 'notes', zh: '备注', required: false, parse: text, example: '' },
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  schools: SCHOOL_COLUMNS,
  teachers: TEACHER_COLUMNS,
  memberships: MEMBERSHIP_COLUMNS,
  trusteeships: TRUSTEESHIP_COLUMNS,
};

/**
 * Headings that carry no data and are ignored, unless the kind has such a column
 * (trusteeships' 备注, schools' 学校名称). The exports' context columns (a teacher's
 * 学校名称, a school's 所属区县 and 所属乡镇) are among them, so an exported roster can be
 * edited and imported back as it is: the school and town are identified by their codes.
 */
const IGNORED_HEADINGS = new Set(['序号', '备注', 'no', 'no.', '#', 'remarks', '学校名称', '所属区县', '所属乡镇']);

/** `学校标识码*`, `工号（必填）`, ` Name ` → the bare heading to look up. */
export function normaliseHeading(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\u3000\u00a0]/g, ' ')
    .trim()
    .replace(/[*＊]$/, '')
    .replace(/[（(](必填|选填|required|optional)[)）]$/i, '')
    .trim();
}

export type HeadingMatch = { kind: 'column'; spec: ColumnSpec } | { kind: 'ignored' } | { kind: 'unknown' };

export function matchHeading(columns: ColumnSpec[], raw: string): HeadingMatch {
  const h = normaliseHeading(raw);
  if (h === '') return { kind: 'ignored' };
  const lower = h.toLowerCase();
  const spec = columns.find((c) => c.zh === h || c.key.toLowerCase() === lower || c.aliases?.includes(h));
  if (spec) return { kind: 'column', spec };
  return IGNORED_HEADINGS.has(lower) ? { kind: 'ignored' } : { kind: 'unknown' };
}
