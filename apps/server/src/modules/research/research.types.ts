import { connectionTypes } from '../../common/connection.js';
import { JointResearchSession, Researcher, ResearcherAssignment } from './research.entity.js';

export const { ConnectionType: ResearcherConnection } = connectionTypes(Researcher, 'Researcher', '教研员');
export const { ConnectionType: ResearcherAssignmentConnection } = connectionTypes(
  ResearcherAssignment,
  'ResearcherAssignment',
  '包挂',
);
export const { ConnectionType: JointResearchSessionConnection } = connectionTypes(
  JointResearchSession,
  'JointResearchSession',
  '联合教研',
);
