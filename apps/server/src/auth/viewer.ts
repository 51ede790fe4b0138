import { registerEnumType } from 'type-graphql';

export enum Role {
  CITY_ADMIN = 'CITY_ADMIN',
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
  GROUP_LEADER = 'GROUP_LEADER',
  SCHOOL_STAFF = 'SCHOOL_STAFF',
  RESEARCHER = 'RESEARCHER',
  ANALYST = 'ANALYST',
}
registerEnumType(Role, {
  name: 'Role',
  description: '角色 / Role',
  valuesConfig: {
    CITY_ADMIN: { description: '市教育局管理员：查看和管理全部 / City bureau: sees and manages everything' },
    DISTRICT_ADMIN: { description: '区县教体局管理员：本区县 / District bureau: one district' },
    GROUP_LEADER: {
      description: '集团（龙头校）校长：本集团及托管学校 / Group leader: the lead school and its partner schools',
    },
    SCHOOL_STAFF: { description: '学校管理员：本校 / School staff: one school' },
    RESEARCHER: { description: '教研员：包挂学校 / Researcher: the schools assigned to them' },
    ANALYST: { description: '数据团队：只读全部，个人信息脱敏 / Data team: reads everything, personal data masked' },
  },
});

/** One role held over one scope: a district, a school (or a group's lead school), or the city. */
export interface Grant {
  role: Role;
  districtId: string | null;
  schoolId: string | null;
}

/** The signed-in user behind a request, with the school ids their grants reach, resolved once. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  /** token id, for logout */
  tokenId: string;
  /** schools reached through GROUP_LEADER and RESEARCHER grants beyond their own school (all of them are seen) */
  extraSchoolIds: string[];
  /**
   * The part of `extraSchoolIds` reached only to be read: partners of pairings and
   * counterpart support, plain members of a group. Nothing may be written there and
   * teachers' personal data is masked (auth/policy.ts).
   */
  readOnlySchoolIds: string[];
}
