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
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, @, or a
 * leading minus before a non-digit) is prefixed with an apostrophe (CSV injection).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+@\t\r]/.test(s) || /^-[^\d]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
