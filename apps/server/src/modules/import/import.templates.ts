import ExcelJS from 'exceljs';
import { COLUMNS, type ImportKind } from './import.columns.js';
import { csvLine } from '../export/export.columns.js';

/**
 * The published templates: Chinese headings and one example row. The xlsx workbook has a
 * second sheet explaining each column (the importer reads the first sheet only).
 */

const NOTES: Record<string, string> = {
  学校标识码: '10 位数字，全国唯一；请以文本格式填写',
  学校名称: '2–100 字',
  学段: '幼儿园、小学、初中、九年一贯制',
  城乡分类: '城区、镇区、乡村',
  乡镇代码: '9 位统计用区划代码',
  在校生数: '0–20000 的整数',
  班级数: '0–500 的整数',
  建校年份: '1800 至今年',
  工号: '校内唯一，1–32 位字母、数字或短横线',
  性别: '男、女',
  学历: '研究生、本科、专科、高中及以下',
  职称: '正高级、高级、一级、二级、三级、未定级（空：未定级）',
  骨干级别: '无、县级、市级、省级（空：无）',
  是否专任: '是、否（空：是）',
  入职日期: '如 2015-09-01',
  出生日期: '如 1990-01-01',
  身份证号: '18 位，含校验码；请以文本格式填写',
  联系电话: '11 位手机号或固定电话',
  组织名称: '教育集团、教育发展共同体或学区的名称，须已在系统中建立',
  龙头校标识码: '成员校表：可选，组织重名时用于区分；托管表：强校（龙头校）的学校标识码',
  成员角色: '龙头校、成员校、集团分校（龙头校仅限本组织的龙头校）',
  加入日期: '如 2023-09-01；同一学校在同一组织的成员期不能重叠',
  退出日期: '仍在组织中则留空；已填写的退出日期不能再更改',
  受援学校标识码: '被托管（受援）学校的学校标识码，须不同于龙头校',
  帮扶方式: '全面托管、集团分校、携手结对、城乡对口帮扶；同一学校同时只能有一个全面托管',
  帮扶措施: '交流任职、联合教研、经验输出、文化帮扶，可填多项，用顿号分隔',
  开始日期: '如 2023-09-01',
  计划结束日期: '不早于开始日期',
  实际结束日期: '未结束则留空；不早于开始日期，已填写的不能再更改',
  协议文号: '不超过 100 字',
  备注: '不超过 5000 字',
};

/** The templates' file names as a district user sees them. */
export const TEMPLATE_NAMES: Record<ImportKind, string> = {
  schools: '学校导入模板',
  teachers: '教师导入模板',
  memberships: '集团成员校导入模板',
  trusteeships: '托管帮扶导入模板',
};

const SHEET_NAMES: Record<ImportKind, string> = {
  schools: '学校',
  teachers: '教师',
  memberships: '成员校',
  trusteeships: '托管帮扶',
};

/** UTF-8 with a byte-order mark, so Excel opens the Chinese headings correctly. */
export function templateCsv(kind: ImportKind): string {
  const cols = COLUMNS[kind];
  return `\uFEFF${csvLine(cols.map((c) => c.zh))}${csvLine(cols.map((c) => c.example))}`;
}

export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const cols = COLUMNS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhuji';
  const sheet = wb.addWorksheet(SHEET_NAMES[kind]);
  sheet.columns = cols.map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(12, c.zh.length * 3),
    style: { numFmt: '@' },
  }));
  sheet.addRow(Object.fromEntries(cols.map((c) => [c.key, c.example])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 16 },
    { header: '必填', width: 8 },
    { header: '说明', width: 60 },
  ];
  for (const c of cols) help.addRow([c.zh, c.required ? '是' : '否', NOTES[c.zh] ?? '']);
  help.addRow([]);
  help.addRow(['', '', '也可使用英文字段名作列名；“是否”类列填 是/否；导入程序只读取第一个工作表。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
