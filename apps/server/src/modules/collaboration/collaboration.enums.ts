import { registerEnumType } from 'type-graphql';

export enum CollaborationGroupKind {
  DEVELOPMENT_COMMUNITY = 'DEVELOPMENT_COMMUNITY',
  EDUCATION_GROUP = 'EDUCATION_GROUP',
  SCHOOL_DISTRICT = 'SCHOOL_DISTRICT',
}
registerEnumType(CollaborationGroupKind, {
  name: 'CollaborationGroupKind',
  description: '协作组织类别 / Kind of collaboration group',
  valuesConfig: {
    DEVELOPMENT_COMMUNITY: { description: '教育发展共同体 / Education development community' },
    EDUCATION_GROUP: { description: '教育集团 / Education group' },
    SCHOOL_DISTRICT: { description: '学区 / School district' },
  },
});

export enum GroupMemberRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
  BRANCH_CAMPUS = 'BRANCH_CAMPUS',
}
registerEnumType(GroupMemberRole, {
  name: 'GroupMemberRole',
  description: "成员校角色 / A member school's role in its group",
  valuesConfig: {
    LEAD: { description: '龙头校 / Lead school' },
    MEMBER: { description: '成员校 / Member school' },
    BRANCH_CAMPUS: { description: '集团分校 / Branch campus' },
  },
});

export enum TrusteeshipMode {
  FULL_TRUSTEESHIP = 'FULL_TRUSTEESHIP',
  GROUP_BRANCH = 'GROUP_BRANCH',
  PAIRING = 'PAIRING',
  COUNTERPART_SUPPORT = 'COUNTERPART_SUPPORT',
}
registerEnumType(TrusteeshipMode, {
  name: 'TrusteeshipMode',
  description: '帮扶方式 / How the lead school takes the partner in hand',
  valuesConfig: {
    FULL_TRUSTEESHIP: { description: '全面托管 / Full trusteeship' },
    GROUP_BRANCH: { description: '集团分校 / Group branch campus' },
    PAIRING: { description: '携手结对 / Pairing' },
    COUNTERPART_SUPPORT: { description: '城乡对口帮扶 / Urban-rural counterpart support' },
  },
});

export enum TrusteeshipMeasure {
  SECONDED_LEADERSHIP = 'SECONDED_LEADERSHIP',
  JOINT_RESEARCH = 'JOINT_RESEARCH',
  EXPERIENCE_SHARING = 'EXPERIENCE_SHARING',
  CULTURE_SUPPORT = 'CULTURE_SUPPORT',
}
registerEnumType(TrusteeshipMeasure, {
  name: 'TrusteeshipMeasure',
  description: '帮扶措施 / What the lead school does',
  valuesConfig: {
    SECONDED_LEADERSHIP: { description: '交流任职 / Seconded leadership' },
    JOINT_RESEARCH: { description: '联合教研 / Joint research' },
    EXPERIENCE_SHARING: { description: '经验输出 / Experience sharing' },
    CULTURE_SUPPORT: { description: '文化帮扶 / Culture support' },
  },
});

export enum TrusteeshipStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(TrusteeshipStatus, {
  name: 'TrusteeshipStatus',
  description: '状态（由日期推算，不存储）/ Status, derived from the dates, never stored',
  valuesConfig: {
    PLANNED: { description: '未开始：开始日期在今天之后 / Planned: starts after today' },
    ACTIVE: { description: '进行中 / Active' },
    ENDED: { description: '已结束：实际结束日期已过 / Ended: its actual end date has passed' },
  },
});

export enum RelationApproval {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(RelationApproval, {
  name: 'RelationApproval',
  description:
    '审批状态：由龙头校一方提出的关系须经受援（成员）学校所在区县批准后才生效 / Approval: a relation proposed from the lead side takes effect only once the partner (member) school’s district approves it',
  valuesConfig: {
    PENDING: { description: '待审批：不产生任何访问范围 / Pending: gives no reach' },
    APPROVED: { description: '已批准：生效 / Approved: in force' },
    DECLINED: { description: '已拒绝：不生效，留作记录 / Declined: never in force, kept on record' },
  },
});
