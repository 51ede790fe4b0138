import { SchoolLocality, SchoolStage } from '../school/school.enums.js';
import { BackboneLevel, Degree, Gender, Title } from '../teacher/teacher.enums.js';

/**
 * Column headings and Chinese labels of the exports. Headings are the import template's
 * (学校标识码, 工号, 姓名, …) so an exported sheet reads like the sheets schools fill in.
 */

export const STAGE_ZH: Record<SchoolStage, string> = {
  KINDERGARTEN: '幼儿园',
  PRIMARY: '小学',
  JUNIOR: '初中',
  NINE_YEAR: '九年一贯制',
};
export const LOCALITY_ZH: Record<SchoolLocality, string> = { URBAN: '城区', TOWN: '镇区', RURAL: '乡村' };
export const GENDER_ZH: Record<Gender, string> = { MALE: '男', FEMALE: '女' };
export const DEGREE_ZH: Record<Degree, string> = {
  POSTGRADUATE: '研究生',
  BACHELOR: '本科',
  ASSOCIATE: '专科',
  HIGH_SCHOOL_OR_BELOW: '高中及以下',
};
export const TITLE_ZH: Record<Title, string> = {
  SENIOR_PROFESSOR: '正高级',
  SENIOR: '高级',
  FIRST: '一级',
  SECOND: '二级',
  THIRD: '三级',
  UNRANKED: '未定级',
};
export const BACKBONE_ZH: Record<BackboneLevel, string> = {
  NONE: '非骨干',
  COUNTY: '县级',
  CITY: '市级',
  PROVINCE: '省级',
};

export const yesNo = (v: boolean) => (v ? '是' : '否');

export type Cell = string | number | null;

export const SCHOOL_HEADINGS = [
  '学校标识码',
  '学校名称',
  '所属区县',
  '乡镇代码',
  '所属乡镇',
  '学段',
  '城乡分类',
  '是否镇驻地学校',
  '地址',
  '在校生数',
  '班级数',
  '是否寄宿制',
  '是否提供午餐',
  '是否开通校车',
  '建校年份',
] as const;

export const TEACHER_HEADINGS = [
  '学校标识码',
  '学校名称',
  '工号',
  '姓名',
  '性别',
  '任教学科',
  '是否专任',
  '学历',
  '职称',
  '骨干教师级别',
  '是否名师',
  '入职日期',
  '身份证号',
  '联系电话',
  '出生日期',
] as const;

/**
 * One CSV field (RFC 4180), neutralised against formula injection: a spreadsheet runs a cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
 * (`-2+3+cmd|' /C calc'!A0` starts a program in older Excel), so such text is prefixed with
 * an apostrophe, which Excel and LibreOffice show as plain text and never evaluate.
 *
 * Negative numbers stay numbers: a number-typed cell is written by `String(value)`, which can
 * only produce a numeral (`-3`, `-0.5`, `-1e-7`); text that is exactly such a numeral is
 * kept too, since a spreadsheet reads it as a constant. Anything more after the minus
 * (`-2+3`, `-1)`, `-A1`) is not a numeral and gets the apostrophe.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : value;
  const safe = !/^[=+\-@\t\r]/.test(s) || NUMERAL.test(s) ? s : `'${s}`;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A plain numeral, as `String(number)` writes one; a spreadsheet reads it as a constant. */
const NUMERAL = /^-?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i;

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
