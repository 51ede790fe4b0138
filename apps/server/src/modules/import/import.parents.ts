import type { EntityManager } from 'typeorm';
import { can, isInScope, schoolScope, type Action, type SchoolScope } from '../../auth/policy.js';
import type { Viewer } from '../../auth/viewer.js';
import { dateOrderProblem, leadRoleProblem, sameSchoolsProblem } from '../collaboration/collaboration.rules.js';
import { GroupMemberRole, RelationApproval } from '../collaboration/collaboration.enums.js';
import { COLUMNS, type ColumnSpec, type ImportKind } from './import.columns.js';

/** A problem with one cell of a row, keyed by its column. */
export interface CellProblem {
  key: string;
  message: string;
  messageZh: string;
}

type Row = Record<string, unknown>;

interface Lookup {
  id: string;
  districtId: string;
}

interface GroupLookup extends Lookup {
  leadSchoolId: string;
}

const OUT_OF_SCOPE = {
  message: 'no such school, or school outside your scope',
  messageZh: '学校不存在或学校不在您的管辖范围',
};

/**
 * Places each row: the codes and names it gives become the ids of its parents (town and
 * district, school, group, lead and partner schools), within what the viewer may write,
 * and the rules that need those parents are checked (auth/policy.ts decides, as in the
 * services). The parents are loaded once per import; decisions are remembered per parent.
 */
export class ParentResolver {
  private readonly towns = new Map<string, Lookup>();
  private readonly schools = new Map<string, Lookup>();
  private readonly groups = new Map<string, GroupLookup[]>();
  private readonly allowed = new Map<string, boolean>();
  /** teachers: school code → the school's id when the viewer may write its teachers, else null */
  private readonly teacherSchools = new Map<string, string | null>();
  private readonly scope: SchoolScope;
  private readonly columns: ColumnSpec[];

  constructor(
    private readonly viewer: Viewer,
    private readonly kind: ImportKind,
    /** when the import runs (config.clock.now()): the decision time of relations it creates approved */
    private readonly now: Date,
  ) {
    this.scope = schoolScope(viewer);
    this.columns = COLUMNS[kind];
  }

  async load(em: EntityManager): Promise<void> {
    const schools: { code: string; id: string; district_id: string }[] = await em.query(
      'SELECT code, id, district_id FROM school',
    );
    for (const s of schools) this.schools.set(s.code, { id: s.id, districtId: s.district_id });
    if (this.kind === 'schools') {
      const towns: { code: string; id: string; district_id: string }[] = await em.query(
        'SELECT code, id, district_id FROM town',
      );
      for (const t of towns) this.towns.set(t.code, { id: t.id, districtId: t.district_id });
    }
    if (this.kind === 'memberships') {
      const groups: { name: string; id: string; district_id: string; lead_school_id: string }[] = await em.query(
        'SELECT name, id, district_id, lead_school_id FROM collaboration_group',
      );
      for (const g of groups) {
        const list = this.groups.get(g.name) ?? [];
        list.push({ id: g.id, districtId: g.district_id, leadSchoolId: g.lead_school_id });
        this.groups.set(g.name, list);
      }
    }
  }

  /** A rule's problem on column `key`, its message led by the column's names as the cell parsers' are. */
  private named(problems: CellProblem[], key: string, p: { message: string; messageZh: string }): void {
    const zh = this.columns.find((c) => c.key === key)!.zh;
    problems.push({ key, message: `${zh} (${key}) ${p.message}`, messageZh: p.messageZh });
  }

  /** The row's parent ids within the viewer's write scope (null: the row cannot be placed). */
  private can(action: Action, target: { districtId: string; schoolId?: string }): boolean {
    const key = `${action}|${target.districtId}|${target.schoolId ?? ''}`;
    let allowed = this.allowed.get(key);
    if (allowed === undefined) {
      allowed = can(this.viewer, action, target);
      this.allowed.set(key, allowed);
    }
    return allowed;
  }

  /**
   * A new relation's approval, as the services set it (collaboration.approval.ts): approved,
   * with the viewer as the one who decided, when the viewer has authority over `partner`.
   * Staged columns written only when a row is inserted (plan.createOnly).
   */
  private approval(
    action: Action,
    partner: Lookup,
    authority = this.can(action, { districtId: partner.districtId, schoolId: partner.id }),
  ): Record<string, string | null> {
    return authority
      ? {
          approval: RelationApproval.APPROVED,
          decidedById: this.viewer.userId,
          decidedByName: this.viewer.displayName,
          decidedAt: this.now.toISOString(),
        }
      : { approval: RelationApproval.PENDING, decidedById: null, decidedByName: null, decidedAt: null };
  }

  /** A school by code the viewer can see; one outside the viewer's sight reads like one that does not exist. */
  private seen(code: string): Lookup | undefined {
    const school = this.schools.get(code);
    return school && isInScope(this.scope, school.id, school.districtId) ? school : undefined;
  }

  resolve(input: Row, failed: ReadonlySet<string>, problems: CellProblem[]): Record<string, string | null> | null {
    switch (this.kind) {
      case 'schools':
        return this.schoolRow(input, failed, problems);
      case 'teachers':
        return this.teacherRow(input, failed, problems);
      case 'memberships':
        return this.membershipRow(input, failed, problems);
      case 'trusteeships':
        return this.trusteeshipRow(input, failed, problems);
    }
  }

  private schoolRow(input: Row, failed: ReadonlySet<string>, problems: CellProblem[]): Record<string, string> | null {
    if (failed.has('townCode') || failed.has('code')) return null;
    const town = this.towns.get(input.townCode as string);
    if (!town) {
      problems.push({
        key: 'townCode',
        message: 'No town has this 9-digit code',
        messageZh: '乡镇代码不存在（须为 9 位统计用区划代码）',
      });
      return null;
    }
    const existing = this.schools.get(input.code as string);
    const allowed = existing
      ? this.can('school:update', { districtId: existing.districtId, schoolId: existing.id })
      : this.can('school:create', { districtId: town.districtId });
    if (!allowed) {
      problems.push({ key: 'code', message: 'school outside your scope', messageZh: '学校不在您的管辖范围' });
      return null;
    }
    if (existing && existing.districtId !== town.districtId) {
      problems.push({
        key: 'townCode',
        message: "must be a town of the school's own district",
        messageZh: '只能迁往本校所在区县的乡镇',
      });
      return null;
    }
    return { townId: town.id, districtId: town.districtId };
  }

  private teacherRow(input: Row, failed: ReadonlySet<string>, problems: CellProblem[]): Record<string, string> | null {
    if (failed.has('schoolCode')) return null;
    const code = input.schoolCode as string;
    let schoolId = this.teacherSchools.get(code);
    if (schoolId === undefined) {
      const school = this.schools.get(code);
      // A school outside the viewer's sight reads exactly like one that does not exist.
      const target = school && { districtId: school.districtId, schoolId: school.id };
      const allowed =
        school &&
        target &&
        isInScope(this.scope, school.id, school.districtId) &&
        this.can('teacher:create', target) &&
        this.can('teacher:update', target);
      schoolId = allowed ? school.id : null;
      this.teacherSchools.set(code, schoolId);
    }
    if (schoolId === null) {
      problems.push({ key: 'schoolCode', ...OUT_OF_SCOPE });
      return null;
    }
    return { schoolId };
  }

  /**
   * The group by its name (and lead school, when names repeat), which the viewer must be
   * allowed to manage the members of; the school by its code, anywhere (a group takes in
   * schools of other districts, as GroupMembershipService.add allows).
   */
  private membershipRow(
    input: Row,
    failed: ReadonlySet<string>,
    problems: CellProblem[],
  ): Record<string, string | null> | null {
    if (failed.has('groupName') || failed.has('leadSchoolCode') || failed.has('schoolCode')) return null;
    // Only groups the viewer manages are candidates: another district's group of the same
    // name neither makes the name ambiguous nor shows that it exists.
    const candidates = (this.groups.get(input.groupName as string) ?? []).filter((g) =>
      this.can('group:manageMembers', { districtId: g.districtId, schoolId: g.leadSchoolId }),
    );
    let group: GroupLookup | undefined;
    if (input.leadSchoolCode) {
      const lead = this.schools.get(input.leadSchoolCode as string);
      group = candidates.find((g) => g.leadSchoolId === lead?.id);
    } else if (candidates.length > 1) {
      this.named(problems, 'groupName', {
        message: 'several groups have this name; add the column 龙头校标识码 to tell them apart',
        messageZh: '有多个同名组织，请增加“龙头校标识码”列加以区分',
      });
      return null;
    } else {
      group = candidates[0];
    }
    if (!group) {
      this.named(problems, 'groupName', {
        message: 'no such group, or group outside your scope',
        messageZh: '组织不存在或不在您的管辖范围',
      });
      return null;
    }
    const school = this.seen(input.schoolCode as string);
    if (!school) {
      this.named(problems, 'schoolCode', OUT_OF_SCOPE);
      return null;
    }
    if (!failed.has('role')) {
      const p = leadRoleProblem(school.id === group.leadSchoolId, input.role as GroupMemberRole);
      if (p) this.named(problems, 'role', p);
    }
    const left = input.leftOn as string | null | undefined;
    if (left && !failed.has('joinedOn') && !failed.has('leftOn')) {
      const p = dateOrderProblem(left, input.joinedOn as string, 'the leaving date', '退出日期');
      if (p) this.named(problems, 'leftOn', p);
    }
    const lead = (input.role as GroupMemberRole) === GroupMemberRole.LEAD;
    return {
      groupId: group.id,
      schoolId: school.id,
      // the lead school's own LEAD row reaches nothing new: whoever manages the group records it
      ...this.approval('groupMembership:approve', school, lead || undefined),
    };
  }

  /**
   * Both schools within the viewer's sight, and the viewer either runs the lead school (it
   * proposes) or has authority over the partner (it creates), as TrusteeshipService.create
   * asks. A school code outside the viewer's sight gets the answer a nonexistent code gets.
   */
  private trusteeshipRow(
    input: Row,
    failed: ReadonlySet<string>,
    problems: CellProblem[],
  ): Record<string, string | null> | null {
    if (failed.has('leadSchoolCode') || failed.has('partnerSchoolCode')) return null;
    const lead = this.seen(input.leadSchoolCode as string);
    const partner = this.seen(input.partnerSchoolCode as string);
    const leadTarget = lead && { districtId: lead.districtId, schoolId: lead.id };
    const authority =
      !!partner && this.can('trusteeship:approve', { districtId: partner.districtId, schoolId: partner.id });
    if (
      !lead ||
      !leadTarget ||
      (!authority && !(this.can('trusteeship:create', leadTarget) && this.can('trusteeship:update', leadTarget)))
    ) {
      this.named(problems, 'leadSchoolCode', OUT_OF_SCOPE);
      return null;
    }
    if (!partner) {
      this.named(problems, 'partnerSchoolCode', OUT_OF_SCOPE);
      return null;
    }
    const same = sameSchoolsProblem(lead.id, partner.id);
    if (same) this.named(problems, 'partnerSchoolCode', same);
    const start = input.startDate as string | null;
    for (const [key, what, whatZh] of [
      ['plannedEndDate', 'the planned end', '计划结束日期'],
      ['actualEndDate', 'the end', '实际结束日期'],
    ] as const) {
      const day = input[key] as string | null | undefined;
      const p = day && start && !failed.has(key) && dateOrderProblem(day, start, what, whatZh);
      if (p) this.named(problems, key, p);
    }
    return {
      leadSchoolId: lead.id,
      partnerSchoolId: partner.id,
      leadDistrictId: lead.districtId,
      partnerDistrictId: partner.districtId,
      ...this.approval('trusteeship:approve', partner, authority),
    };
  }
}
