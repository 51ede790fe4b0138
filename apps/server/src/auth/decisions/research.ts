import type { EntityManager } from 'typeorm';
import {
  JointResearchSessionSchool,
  type JointResearchSession,
  type Researcher,
  type ResearcherAssignment,
} from '../../modules/research/research.entity.js';
import { can } from '../policy.js';
import type { Viewer } from '../viewer.js';
import { allAtPlace, decideOn, mayAnywhere, recordPolicy, type Decision, type Place } from './decide.js';
import { SCHOOL } from './organisation.js';

/** Researchers by their district (a city researcher has none: the city's), assignments by their school. */
export const RESEARCHER = recordPolicy({
  type: 'Researcher',
  facts: (_em: EntityManager, r: Researcher): Place => ({ districtId: r.districtId }),
  decide: {
    'researcher:manage': (viewer, place, action) => can(viewer, action, place),
    // Attaching this researcher somewhere: a district researcher only inside its district;
    // a city researcher wherever the viewer manages assignments (the school decides, below).
    'assignment:manage': (viewer, place, action) =>
      place.districtId ? can(viewer, action, place) : mayAnywhere(viewer, action),
  },
});

export const ASSIGNMENT = recordPolicy({
  type: 'ResearcherAssignment',
  facts: (_em: EntityManager, a: ResearcherAssignment): Place => ({ districtId: a.districtId, schoolId: a.schoolId }),
  decide: allAtPlace('assignment:manage'),
});

/** A session belongs to all its schools; recording or changing it needs every one of them. */
export interface SessionFacts {
  schools: (Place & { name?: string })[];
}

/** The schools among `schools` at which the viewer may not record sessions (SCHOOL's decision). */
export function refusedSchools<S extends Place>(viewer: Viewer | null, schools: S[]): S[] {
  return schools.filter((school) => !decideOn(viewer, SCHOOL, 'session:record', school));
}

export const everySchool: Decision<SessionFacts> = (viewer, s) =>
  s.schools.length > 0 && refusedSchools(viewer, s.schools).length === 0;

export async function sessionSchools(em: EntityManager, sessionId: string): Promise<Place[]> {
  const links = await em.getRepository(JointResearchSessionSchool).findBy({ sessionId });
  return links.map((l) => ({ districtId: l.districtId, schoolId: l.schoolId }));
}

export const SESSION = recordPolicy({
  type: 'JointResearchSession',
  facts: async (em: EntityManager, s: JointResearchSession): Promise<SessionFacts> => ({
    schools: await sessionSchools(em, s.id),
  }),
  decide: { 'session:record': everySchool },
});

/** Recording a new session: decided on the schools it would have, with the same rule. */
export const NEW_SESSION = recordPolicy({
  type: 'JointResearchSession (to be recorded)',
  facts: (_em: EntityManager, f: SessionFacts) => f,
  decide: { 'session:record': everySchool },
});
