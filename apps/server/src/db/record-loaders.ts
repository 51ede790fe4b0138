import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byIdLoader } from '../common/loaders.js';
import { District } from '../modules/district/district.entity.js';
import { Town } from '../modules/town/town.entity.js';
import { School } from '../modules/school/school.entity.js';
import { Teacher } from '../modules/teacher/teacher.entity.js';
import { RoleGrant } from '../modules/user/user.entity.js';
import {
  CollaborationGroup,
  GroupMembership,
  Trusteeship,
  TrusteeshipActivity,
} from '../modules/collaboration/collaboration.entity.js';
import { TeacherExchange } from '../modules/exchange/exchange.entity.js';
import { JointResearchSession, Researcher, ResearcherAssignment } from '../modules/research/research.entity.js';

/**
 * By-id loaders for walking relations (school.town, teacher.school, trusteeship.leadSchool…).
 * Feature modules add their one-to-many loaders in their own *.loaders.ts.
 */
export function createRecordLoaders(ds: DataSource) {
  return {
    district: byIdLoader(ds, District),
    town: byIdLoader(ds, Town),
    school: byIdLoader(ds, School),
    teacher: byIdLoader(ds, Teacher),
    collaborationGroup: byIdLoader(ds, CollaborationGroup),
    groupMembership: byIdLoader(ds, GroupMembership),
    trusteeship: byIdLoader(ds, Trusteeship),
    trusteeshipActivity: byIdLoader(ds, TrusteeshipActivity),
    teacherExchange: byIdLoader(ds, TeacherExchange),
    researcher: byIdLoader(ds, Researcher),
    researcherAssignment: byIdLoader(ds, ResearcherAssignment),
    jointResearchSession: byIdLoader(ds, JointResearchSession),
    grantsByUser: new DataLoader<string, RoleGrant[]>(async (userIds) => {
      const rows = await ds.getRepository(RoleGrant).findBy({ userId: In([...userIds]) });
      return userIds.map((id) => rows.filter((g) => g.userId === id));
    }),
  };
}
export type RecordLoaders = ReturnType<typeof createRecordLoaders>;
