import type { Context } from '../context.js';
import { School } from '../modules/school/school.entity.js';
import { Teacher } from '../modules/teacher/teacher.entity.js';
import { isInScope, schoolScope } from './policy.js';

/**
 * The one rule for a school or teacher reached through a record the viewer can see (an
 * exchange's schools and teacher, a session's schools, a trusteeship's lead and partner, a
 * group's members, a goal verdict's schools…): inside the viewer's scope it is the record
 * itself; outside it, only its public part, so a visible relation still names its other end
 * and never shows that end's people. A school's public part is its id, name, code, district
 * and town; a teacher's its id and name. Every other field reads null (docs/ACCESS.md).
 * Field resolvers that would walk further from a public view ask `isPublicView` first.
 */

const PUBLIC_VIEW = Symbol('publicView');

/** Appended to the Chinese description of every field that answers with `neighbourSchool`. */
export const NEIGHBOUR_SCHOOL = '（查看范围外只显示名称、代码、区县、乡镇）';

type PublicView = { [PUBLIC_VIEW]?: true };

export function isPublicView(row: object): boolean {
  return (row as PublicView)[PUBLIC_VIEW] === true;
}

function publicSchool(school: School): School {
  return Object.assign(Object.create(School.prototype) as School, {
    [PUBLIC_VIEW]: true,
    id: school.id,
    createdAt: school.createdAt,
    updatedAt: school.updatedAt,
    code: school.code,
    name: school.name,
    districtId: school.districtId,
    townId: school.townId,
    stage: null,
    locality: null,
    isTownSeat: null,
    address: null,
    principalId: null,
    studentCount: null,
    classCount: null,
    isBoarding: null,
    providesLunch: null,
    runsSchoolBus: null,
    foundedYear: null,
  });
}

function publicTeacher(teacher: Teacher): Teacher {
  return Object.assign(Object.create(Teacher.prototype) as Teacher, {
    [PUBLIC_VIEW]: true,
    id: teacher.id,
    createdAt: teacher.createdAt,
    updatedAt: teacher.updatedAt,
    name: teacher.name,
    schoolId: null,
    staffNumber: null,
    gender: null,
    subject: null,
    isFullTime: null,
    degree: null,
    title: null,
    backboneLevel: null,
    isRenowned: null,
    hireDate: null,
    idNumber: null,
    phone: null,
    birthDate: null,
  });
}

/** A loaded school as the viewer may see it when reached through another record. */
export function asNeighbourSchool(ctx: Context, school: School): School {
  return isInScope(schoolScope(ctx.viewer), school.id, school.districtId) ? school : publicSchool(school);
}

/** A school by id, reached through another record: in full in scope, its public part outside. */
export async function neighbourSchool(ctx: Context, schoolId: string | null): Promise<School | null> {
  const school = schoolId ? await ctx.loaders.school.load(schoolId) : null;
  return school ? asNeighbourSchool(ctx, school) : null;
}

/** A teacher by id, reached through another record: in full when their school is in scope, else id and name. */
export async function neighbourTeacher(ctx: Context, teacherId: string): Promise<Teacher | null> {
  const teacher = await ctx.loaders.teacher.load(teacherId);
  if (!teacher) return null;
  const school = await ctx.loaders.school.load(teacher.schoolId);
  return school && isInScope(schoolScope(ctx.viewer), school.id, school.districtId) ? teacher : publicTeacher(teacher);
}
