import type { Action } from '../../auth/policy.js';
import { CreateSchoolInput } from '../school/school.inputs.js';
import { School } from '../school/school.entity.js';
import { CreateTeacherInput } from '../teacher/teacher.inputs.js';
import { Teacher } from '../teacher/teacher.entity.js';
import { GroupMembership, Trusteeship } from '../collaboration/collaboration.entity.js';
import { CreateTrusteeshipInput } from '../collaboration/collaboration.inputs.js';
import type { ImportKind } from './import.columns.js';

/**
 * What differs between the import kinds: the table written, the natural key it is upserted
 * by, the input class whose rules check each row, who may import, and how it is written.
 *
 * Rosters (schools, teachers) are large and their rows independent: each batch is staged
 * and upserted while the file is still being read. Relations (memberships, trusteeships)
 * are small and their rows interact (periods must not overlap, with each other or with
 * the stored ones): the whole file is staged, checked in SQL, then merged.
 */
export interface ImportPlan {
  entity: typeof School | typeof Teacher | typeof GroupMembership | typeof Trusteeship;
  /** entity properties that parent codes resolve to, staged before the data columns */
  parents: string[];
  /** the natural key, as entity properties */
  key: string[];
  /** never changed by importing an existing row (a school's district) */
  fixed: string[];
  /** set when a row is inserted, never on an existing one (a relation's approval) */
  createOnly?: string[];
  /** the class whose class-validator rules check a row; null: the cell parsers are the rules */
  input: (new () => object) | null;
  /** what a viewer must hold somewhere to import at all (each row is then checked) */
  action: Action;
  streamed: boolean;
  /** audit record type of the import's summary entry */
  auditType: string;
  /** the column and the row's value that name a duplicate, and the message */
  duplicate: { column: string; property: string; message: string; messageZh: string };
}

/** A relation's approval, set when an import creates it (pending unless the viewer is the authority). */
const APPROVAL = ['approval', 'decidedById', 'decidedByName', 'decidedAt'];

export const PLANS: Record<ImportKind, ImportPlan> = {
  schools: {
    entity: School,
    parents: ['townId', 'districtId'],
    key: ['code'],
    fixed: ['districtId'],
    input: CreateSchoolInput,
    action: 'school:update',
    streamed: true,
    auditType: 'SchoolImport',
    duplicate: {
      column: '学校标识码',
      property: 'code',
      message: 'duplicate school code in this file',
      messageZh: '学校标识码在文件中重复',
    },
  },
  teachers: {
    entity: Teacher,
    parents: ['schoolId'],
    key: ['schoolId', 'staffNumber'],
    fixed: [],
    input: CreateTeacherInput,
    action: 'teacher:create',
    streamed: true,
    auditType: 'TeacherImport',
    duplicate: {
      column: '工号',
      property: 'staffNumber',
      message: 'duplicate staff number for this school in this file',
      messageZh: '同一学校的工号在文件中重复',
    },
  },
  memberships: {
    entity: GroupMembership,
    parents: ['groupId', 'schoolId', ...APPROVAL],
    key: ['groupId', 'schoolId', 'joinedOn'],
    fixed: [],
    createOnly: APPROVAL,
    input: null,
    action: 'group:manageMembers',
    streamed: false,
    auditType: 'GroupMembershipImport',
    duplicate: {
      column: '学校标识码',
      property: 'schoolCode',
      message: 'the same school joins the same group on the same day twice in this file',
      messageZh: '同一学校同日加入同一组织的记录在文件中重复',
    },
  },
  trusteeships: {
    entity: Trusteeship,
    parents: ['leadSchoolId', 'partnerSchoolId', 'leadDistrictId', 'partnerDistrictId', ...APPROVAL],
    key: ['leadSchoolId', 'partnerSchoolId', 'startDate'],
    fixed: ['leadDistrictId', 'partnerDistrictId'],
    createOnly: APPROVAL,
    input: CreateTrusteeshipInput,
    action: 'trusteeship:create',
    streamed: false,
    auditType: 'TrusteeshipImport',
    duplicate: {
      column: '受援学校标识码',
      property: 'partnerSchoolCode',
      message: 'the same trusteeship (lead school, partner school, start date) appears twice in this file',
      messageZh: '同一托管关系（龙头校、受援学校、开始日期相同）在文件中重复',
    },
  },
};
