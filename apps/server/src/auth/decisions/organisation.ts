import type { EntityManager } from 'typeorm';
import { can, canGrant } from '../policy.js';
import { Role } from '../viewer.js';
import { School } from '../../modules/school/school.entity.js';
import type { District } from '../../modules/district/district.entity.js';
import type { Town } from '../../modules/town/town.entity.js';
import type { Teacher } from '../../modules/teacher/teacher.entity.js';
import { allAtPlace, recordPolicy, type Decision, type Place } from './decide.js';

/** Decisions on the organisation tree: districts, towns, schools, teachers. */

export const DISTRICT = recordPolicy({
  type: 'District',
  facts: (_em: EntityManager, d: District): Place => ({ districtId: d.id }),
  decide: {
    ...allAtPlace('district:update', 'district:delete', 'town:create', 'researcher:manage'),
    // accounts: may hand out the district's own bureau grant
    'user:manage': (viewer, place) =>
      canGrant(viewer, { role: Role.DISTRICT_ADMIN, districtId: place.districtId ?? null }),
  },
});

/** A town and its town-seat schools (镇驻地学校), whose staff plan the town's work. */
export interface TownFacts {
  districtId: string;
  seats: Place[];
}

export async function townFacts(em: EntityManager, townId: string, districtId: string): Promise<TownFacts> {
  const seats = await em
    .getRepository(School)
    .find({ select: { id: true, districtId: true }, where: { townId, isTownSeat: true } });
  return { districtId, seats: seats.map((s) => ({ districtId: s.districtId, schoolId: s.id })) };
}

/**
 * The town's own planning (plan:draft, plan:submit): whoever may act on one of its town-seat
 * schools, or its district bureau (the city's too). A town with no seat school is planned
 * by its bureau.
 */
export const bySeatOrBureau: Decision<TownFacts> = (viewer, town, action) =>
  town.seats.some((seat) => can(viewer, action, seat)) || can(viewer, action, { districtId: town.districtId });

/** The town's bureau: its district's admin (and the city's). */
export const byTownBureau: Decision<TownFacts> = (viewer, town, action) =>
  can(viewer, action, { districtId: town.districtId });

export const TOWN = recordPolicy({
  type: 'Town',
  facts: (em: EntityManager, t: Town) => townFacts(em, t.id, t.districtId),
  decide: {
    'town:update': byTownBureau,
    'town:delete': byTownBureau,
    'school:create': byTownBureau,
    'assessment:record': byTownBureau,
    'plan:draft': bySeatOrBureau,
    'plan:submit': bySeatOrBureau,
  },
});

export const schoolPlace = (s: Pick<School, 'id' | 'districtId'>): Place => ({
  districtId: s.districtId,
  schoolId: s.id,
});

export const SCHOOL = recordPolicy({
  type: 'School',
  facts: (_em: EntityManager, s: School) => schoolPlace(s),
  decide: {
    ...allAtPlace(
      'school:update',
      'school:delete',
      'teacher:create',
      'teacher:readPersonal',
      // an exchange into or out of this school (the mutation asks both ends, see exchange.ts)
      'exchange:create',
      'ledger:create',
      'assignment:manage',
      // a session at this school (a session at several asks each, see research.ts)
      'session:record',
      // a group or trusteeship led by this school
      'group:create',
      'trusteeship:create',
      'assessment:record',
    ),
    // accounts: may hand out a grant at this school
    'user:manage': (viewer, place) =>
      canGrant(viewer, { role: Role.SCHOOL_STAFF, districtId: place.districtId ?? null }),
  },
});

/** A teacher sits at their school; what may be done to them is decided there. */
export async function teacherPlace(em: EntityManager, t: Pick<Teacher, 'schoolId'>): Promise<Place> {
  const school = await em.getRepository(School).findOneByOrFail({ id: t.schoolId });
  return schoolPlace(school);
}

export const TEACHER = recordPolicy({
  type: 'Teacher',
  facts: teacherPlace,
  decide: allAtPlace('teacher:update', 'teacher:delete', 'teacher:readPersonal', 'exchange:create'),
});
