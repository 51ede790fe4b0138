import { Arg, Ctx, ID, Query, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { Action } from './policy.js';
import { viewerMay } from './decisions/registry.js';

/** The policy's actions as a GraphQL enum: SCHOOL_UPDATE is `school:update`. */
export enum ViewerAction {
  DISTRICT_CREATE = 'district:create',
  DISTRICT_UPDATE = 'district:update',
  DISTRICT_DELETE = 'district:delete',
  TOWN_CREATE = 'town:create',
  TOWN_UPDATE = 'town:update',
  TOWN_DELETE = 'town:delete',
  SCHOOL_CREATE = 'school:create',
  SCHOOL_UPDATE = 'school:update',
  SCHOOL_DELETE = 'school:delete',
  TEACHER_CREATE = 'teacher:create',
  TEACHER_UPDATE = 'teacher:update',
  TEACHER_DELETE = 'teacher:delete',
  TEACHER_READ_PERSONAL = 'teacher:readPersonal',
  USER_MANAGE = 'user:manage',
  AUDIT_READ = 'audit:read',
  GROUP_CREATE = 'group:create',
  GROUP_UPDATE = 'group:update',
  GROUP_DELETE = 'group:delete',
  GROUP_MANAGE_MEMBERS = 'group:manageMembers',
  TRUSTEESHIP_CREATE = 'trusteeship:create',
  TRUSTEESHIP_UPDATE = 'trusteeship:update',
  TRUSTEESHIP_RECORD_ACTIVITY = 'trusteeship:recordActivity',
  TRUSTEESHIP_APPROVE = 'trusteeship:approve',
  GROUP_MEMBERSHIP_APPROVE = 'groupMembership:approve',
  EXCHANGE_CREATE = 'exchange:create',
  EXCHANGE_UPDATE = 'exchange:update',
  EXCHANGE_END = 'exchange:end',
  EXCHANGE_DELETE = 'exchange:delete',
  EXCHANGE_CONFIRM = 'exchange:confirm',
  EXCHANGE_DECLINE = 'exchange:decline',
  RESEARCHER_MANAGE = 'researcher:manage',
  ASSIGNMENT_MANAGE = 'assignment:manage',
  SESSION_RECORD = 'session:record',
  LEDGER_CREATE = 'ledger:create',
  LEDGER_UPDATE = 'ledger:update',
  PLAN_DRAFT = 'plan:draft',
  PLAN_SUBMIT = 'plan:submit',
  PLAN_REVIEW = 'plan:review',
  PLAN_FILE = 'plan:file',
  ASSESSMENT_RECORD = 'assessment:record',
  PROGRAMME_CONFIGURE = 'programme:configure',
}
const ZH: Record<keyof typeof ViewerAction, string> = {
  DISTRICT_CREATE: '新建区县',
  DISTRICT_UPDATE: '修改区县',
  DISTRICT_DELETE: '删除区县',
  TOWN_CREATE: '新建乡镇',
  TOWN_UPDATE: '修改乡镇',
  TOWN_DELETE: '删除乡镇',
  SCHOOL_CREATE: '新建学校',
  SCHOOL_UPDATE: '修改学校',
  SCHOOL_DELETE: '删除学校',
  TEACHER_CREATE: '新建教师',
  TEACHER_UPDATE: '修改教师',
  TEACHER_DELETE: '删除教师',
  TEACHER_READ_PERSONAL: '查看教师个人信息',
  USER_MANAGE: '管理用户与授权',
  AUDIT_READ: '查看审计日志',
  GROUP_CREATE: '新建协作组织',
  GROUP_UPDATE: '修改协作组织',
  GROUP_DELETE: '删除协作组织',
  GROUP_MANAGE_MEMBERS: '管理成员校',
  TRUSTEESHIP_CREATE: '新建托管帮扶关系',
  TRUSTEESHIP_UPDATE: '修改或结束托管帮扶关系',
  TRUSTEESHIP_RECORD_ACTIVITY: '记录帮扶活动',
  TRUSTEESHIP_APPROVE: '批准或拒绝托管帮扶关系',
  GROUP_MEMBERSHIP_APPROVE: '批准或拒绝成员关系',
  EXCHANGE_CREATE: '新建教师交流',
  EXCHANGE_UPDATE: '修改教师交流',
  EXCHANGE_END: '结束教师交流',
  EXCHANGE_DELETE: '删除教师交流',
  EXCHANGE_CONFIRM: '确认教师交流提议（教师所在学校）',
  EXCHANGE_DECLINE: '拒绝教师交流提议（教师所在学校）',
  RESEARCHER_MANAGE: '管理教研员',
  ASSIGNMENT_MANAGE: '管理包挂关系',
  SESSION_RECORD: '记录联合教研',
  LEDGER_CREATE: '新建整改台账条目',
  LEDGER_UPDATE: '更新整改台账条目',
  PLAN_DRAFT: '起草推进方案',
  PLAN_SUBMIT: '提交推进方案',
  PLAN_REVIEW: '审核推进方案（通过或退回）',
  PLAN_FILE: '推进方案备案',
  ASSESSMENT_RECORD: '录入评估',
  PROGRAMME_CONFIGURE: '设置行动参数（截止日期、阈值）',
};
registerEnumType(ViewerAction, {
  name: 'ViewerAction',
  description: '可询问的操作 / An action a UI may ask about',
  valuesConfig: Object.fromEntries(
    Object.entries(ZH).map(([key, zh]) => [key, { description: `${zh} / ${key.toLowerCase().replaceAll('_', ' ')}` }]),
  ),
});

@Resolver()
export class ViewerCanResolver {
  @Query(() => Boolean, {
    description:
      '当前用户能否对某记录（或其下级，如在某乡镇新建学校）执行操作；不给 id 时问"是否在任何范围内可以" / Whether the viewer may take the action on the record (or under it, e.g. create a school in a town); without id, whether anywhere',
  })
  async viewerCan(
    @Ctx() ctx: Context,
    @Arg('action', () => ViewerAction, { description: '操作 / Action' }) action: ViewerAction,
    @Arg('id', () => ID, { nullable: true, description: '记录的全局 ID / Global ID of the record' }) id?: string,
  ): Promise<boolean> {
    return viewerMay(ctx, action as Action, id);
  }
}

