import { SchoolStage } from '../../modules/school/school.enums.js';
import { INDICATORS_BY_STAGE } from '../../modules/staffing/staffing.service.js';
import { StaffingIndicatorKind } from '../../modules/staffing/staffing.types.js';
import { BackboneLevel, Degree } from '../../modules/teacher/teacher.enums.js';
import type { TeacherRow } from './teachers.js';

/**
 * STAFFING's story (story.ts): the town-seat schools of the towns meant to meet it reach
 * their district's urban baseline (in-service degrees and newly appointed county backbone
 * teachers, as the programme's teacher actions intend), and the one school meant to fail
 * falls clearly below it. Counted as `school_staffing` counts: full-time teachers only.
 */

export interface Tally {
  fullTime: number;
  backbone: number;
  bachelor: number;
  associate: number;
}

export const emptyTally = (): Tally => ({ fullTime: 0, backbone: 0, bachelor: 0, associate: 0 });

const BACHELOR_OR_ABOVE = new Set([Degree.POSTGRADUATE, Degree.BACHELOR]);
const ASSOCIATE_OR_ABOVE = new Set([Degree.POSTGRADUATE, Degree.BACHELOR, Degree.ASSOCIATE]);

export function addTally(into: Tally, rows: readonly TeacherRow[]): Tally {
  for (const t of rows) {
    if (!t.isFullTime) continue;
    into.fullTime++;
    if (t.backboneLevel !== BackboneLevel.NONE) into.backbone++;
    if (BACHELOR_OR_ABOVE.has(t.degree)) into.bachelor++;
    if (ASSOCIATE_OR_ABOVE.has(t.degree)) into.associate++;
  }
  return into;
}

const FIELD: Record<StaffingIndicatorKind, 'backbone' | 'bachelor' | 'associate'> = {
  [StaffingIndicatorKind.BACKBONE_COUNTY_OR_ABOVE]: 'backbone',
  [StaffingIndicatorKind.BACHELOR_OR_ABOVE]: 'bachelor',
  [StaffingIndicatorKind.ASSOCIATE_OR_ABOVE]: 'associate',
};

/** Whether `count` of `fullTime` is at least the baseline's share, in integers (no rounding). */
const meets = (count: number, fullTime: number, base: Tally, field: keyof Tally) =>
  count * base.fullTime >= base[field] * fullTime;

/** Teachers of three years' service and more first: backbone status needs them. */
const SENIORITY_CUTOFF = '2022-09-01';

/** Raises the school's shares to the baseline; true when anything changed. */
export function meetBaseline(rows: TeacherRow[], stage: SchoolStage, base: Tally): boolean {
  let changed = false;
  for (const kind of INDICATORS_BY_STAGE[stage]) {
    const field = FIELD[kind];
    const tally = addTally(emptyTally(), rows);
    if (!base.fullTime || meets(tally[field], tally.fullTime, base, field)) continue;
    const candidates = rows.filter((t) => t.isFullTime && !holds(t, field));
    const junior = (t: TeacherRow) => Number((t.hireDate ?? '') > SENIORITY_CUTOFF);
    candidates.sort((a, b) => junior(a) - junior(b));
    let count = tally[field];
    for (const t of candidates) {
      if (meets(count, tally.fullTime, base, field)) break;
      promote(t, field);
      count++;
      changed = true;
    }
  }
  return changed;
}

/** Lowers one share of the school clearly below the baseline: the backbone share, else a degree share. */
export function fallShort(rows: TeacherRow[], stage: SchoolStage, base: Tally): void {
  const fields = INDICATORS_BY_STAGE[stage].map((k) => FIELD[k]);
  for (const field of fields) {
    if (!base[field]) continue; // a zero baseline cannot be fallen short of
    const tally = addTally(emptyTally(), rows);
    // The principal keeps their qualifications.
    const holders = rows.slice(1).filter((t) => t.isFullTime && holds(t, field));
    let count = tally[field];
    const margin = tally.fullTime > 20 ? 1 : 0;
    const target = Math.ceil((base[field] * tally.fullTime) / base.fullTime) - 1 - margin;
    for (const t of holders) {
      if (count <= Math.max(0, target) && !meets(count, tally.fullTime, base, field)) break;
      demote(t, field);
      count--;
    }
    if (!meets(count, tally.fullTime, base, field)) return;
  }
}

function holds(t: TeacherRow, field: 'backbone' | 'bachelor' | 'associate'): boolean {
  if (field === 'backbone') return t.backboneLevel !== BackboneLevel.NONE;
  return (field === 'bachelor' ? BACHELOR_OR_ABOVE : ASSOCIATE_OR_ABOVE).has(t.degree);
}

function promote(t: TeacherRow, field: 'backbone' | 'bachelor' | 'associate'): void {
  if (field === 'backbone') t.backboneLevel = BackboneLevel.COUNTY;
  else t.degree = field === 'bachelor' ? Degree.BACHELOR : Degree.ASSOCIATE;
}

function demote(t: TeacherRow, field: 'backbone' | 'bachelor' | 'associate'): void {
  if (field === 'backbone') {
    t.backboneLevel = BackboneLevel.NONE;
    t.isRenowned = false;
  } else t.degree = field === 'bachelor' ? Degree.ASSOCIATE : Degree.HIGH_SCHOOL_OR_BELOW;
}
