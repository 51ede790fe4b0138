import { GroupMemberRole } from './collaboration.enums.js';

/**
 * The collaboration rules that need no database, as plain functions: the services throw
 * their answer as a typed error on one input, the bulk import reports it on a file row.
 */

export interface RuleProblem {
  message: string;
  messageZh: string;
  constraint: string;
}

/** A group's lead school, and only it, is a member with role LEAD. */
export function leadRoleProblem(isLeadSchool: boolean, role: GroupMemberRole): RuleProblem | null {
  if (isLeadSchool === (role === GroupMemberRole.LEAD)) return null;
  return {
    message: isLeadSchool ? 'the lead school joins with role LEAD' : "only the group's lead school has role LEAD",
    messageZh: isLeadSchool ? '龙头校的角色须为 LEAD' : '只有本组织的龙头校角色为 LEAD',
    constraint: 'leadRole',
  };
}

/** A trusteeship joins two different schools. */
export function sameSchoolsProblem(leadSchoolId: string, partnerSchoolId: string): RuleProblem | null {
  if (leadSchoolId !== partnerSchoolId) return null;
  return {
    message: 'must be a different school from the lead school',
    messageZh: '托管学校不能是龙头校本身',
    constraint: 'differentSchools',
  };
}

/** A later day of a period (an end, a planned end) is not before its first day. */
export function dateOrderProblem(value: string, start: string, what: string, whatZh: string): RuleProblem | null {
  if (value >= start) return null;
  return {
    message: `${what} must not be before the start date ${start}`,
    messageZh: `${whatZh}不能早于开始日期 ${start}`,
    constraint: 'dateOrder',
  };
}
