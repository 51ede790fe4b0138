import { randomUUID } from 'node:crypto';
import type { RectificationItem, RectificationStatusChange } from '../../modules/ledger/ledger.entity.js';
import { FundSource, RectificationStatus, StandardItem } from '../../modules/ledger/ledger.enums.js';
import { ProgrammeGoal } from '../../modules/goals/goals.types.js';
import { SchoolLocality, SchoolStage } from '../../modules/school/school.enums.js';
import { addDays, addMonths, minDate, monthBounds, type DemoCalendar } from './calendar.js';
import { familyOf, outerDistricts, type NetworkInput } from './network.js';
import { Random, type Weighted } from './random.js';
import type { PlannedSchool } from './schools.js';
import { failureOf } from './story.js';

export type ItemRow = Omit<RectificationItem, 'school' | 'town' | 'district'>;
export type StatusChangeRow = Omit<RectificationStatusChange, 'item' | 'user'>;

export interface Ledger {
  items: ItemRow[];
  changes: StatusChangeRow[];
}

/** Who the seed writes records as: a demo account's id and name where the demo has one, else `seed`. */
export interface Actor {
  userId: string | null;
  username: string;
}
export const SEED_ACTOR: Actor = { userId: null, username: 'seed' };

/** Shares of town-seat schools, and of village schools of programme towns, with ledger items. */
const SEAT_SHARE = 0.85;
const VILLAGE_SHARE = 0.15;
/** Village schools' items are not judged by the goals: some of them run late, as ledgers do. */
const VILLAGE_OVERDUE = 0.3;

interface Template {
  details: (stage: SchoolStage) => string[];
  problems: string[];
  measures: string[];
  owners: string[];
  evidence: string[];
  funds: Weighted<FundSource>;
  /** yuan */
  amount: [number, number];
}

// prettier-ignore
const TEMPLATES: Record<Exclude<StandardItem, StandardItem.OTHER>, Template> = {
  [StandardItem.FUNCTIONAL_ROOMS]: {
    details: (stage) => stage === SchoolStage.KINDERGARTEN
      ? ['美工室', '图书室', '科学发现室', '多功能活动室']
      : ['科学实验室', '音乐教室', '美术教室', '心理咨询室', '图书室', '劳动教育实践室', '录播教室'],
    problems: ['功能室不足，缺少{d}', '{d}面积不达标，不能满足分组教学需要', '{d}由普通教室临时改用，设施不配套'],
    measures: ['区教体局统筹资金新建{d}', '利用闲置教室改建{d}，按省定标准配齐设施设备', '结合校舍改造工程扩建{d}'],
    owners: ['学校后勤处', '学校总务处', '区教体局计划财务科'],
    evidence: ['{d}已建成并投入使用，验收报告及照片已归档', '{d}改建完成，设施设备清单经区教体局装备中心验收'],
    funds: [[FundSource.DISTRICT, 5], [FundSource.CITY, 2], [FundSource.PROVINCE, 1], [FundSource.SCHOOL, 1]],
    amount: [150_000, 800_000],
  },
  [StandardItem.EQUIPMENT]: {
    details: (stage) => stage === SchoolStage.KINDERGARTEN
      ? ['户外大型玩具', '区角活动材料', '午睡床具']
      : ['理科实验仪器', '音体美器材', '课桌椅', '图书配备'],
    problems: ['{d}配备低于省定标准，部分分组实验无法开出', '{d}老化破损，数量不足', '{d}生均配备未达标准'],
    measures: ['纳入年度教学装备采购计划，按省定标准补齐{d}', '申请专项资金更新{d}，建立管理使用台账'],
    owners: ['学校教务处', '区教育装备中心', '学校后勤处'],
    evidence: ['{d}已采购到位并登记入账，验收单已归档', '{d}配备达到省定标准，经装备中心抽查合格'],
    funds: [[FundSource.DISTRICT, 4], [FundSource.PROVINCE, 2], [FundSource.SCHOOL, 2]],
    amount: [50_000, 300_000],
  },
  [StandardItem.CANTEEN]: {
    details: () => ['食堂操作间', '学生餐厅', '食品留样及消毒设施'],
    problems: ['{d}面积不足，未实现明厨亮灶', '{d}座位不足，学生分批就餐', '{d}设施陈旧，不符合食品安全规范'],
    measures: ['改造{d}，安装明厨亮灶设备', '扩建{d}，实现学生在校午餐全覆盖', '更新{d}设施设备，规范食品安全管理'],
    owners: ['学校后勤处', '区教体局后勤保障科'],
    evidence: ['{d}改造完成，通过市场监管部门检查', '{d}已投入使用，学生午餐实现全覆盖'],
    funds: [[FundSource.DISTRICT, 4], [FundSource.CITY, 2], [FundSource.SCHOOL, 1]],
    amount: [100_000, 600_000],
  },
  [StandardItem.DORMITORY]: {
    details: () => ['学生宿舍', '宿舍卫浴及热水设施', '宿舍楼消防设施'],
    problems: ['{d}人均面积不足，部分宿舍超员', '{d}不完善，冬季无法正常使用', '{d}老化，存在安全隐患'],
    measures: ['新建{d}，实现寄宿生一人一床', '改造{d}并加装空气能热水系统', '对{d}进行全面改造并通过消防验收'],
    owners: ['学校后勤处', '区教体局基建科'],
    evidence: ['{d}改造完成，寄宿生全部入住', '{d}通过竣工验收，相关资料已归档'],
    funds: [[FundSource.DISTRICT, 3], [FundSource.PROVINCE, 2], [FundSource.CITY, 2]],
    amount: [600_000, 3_000_000],
  },
  [StandardItem.SCHOOL_BUS]: {
    details: () => ['校车', '校车线路'],
    problems: ['{d}数量不足，部分线路接送时间过长', '{d}车辆老化，需要更新', '偏远村庄未覆盖{d}'],
    measures: ['协调公交公司增开定制{d}', '申请专项资金更新{d}2辆', '优化{d}，覆盖偏远自然村'],
    owners: ['学校安全办', '区教体局安全科'],
    evidence: ['新增{d}已投入运营，覆盖全部学生', '{d}更新完成，车辆已通过年检'],
    funds: [[FundSource.DISTRICT, 4], [FundSource.OTHER, 2]],
    amount: [200_000, 900_000],
  },
  [StandardItem.ICT]: {
    details: () => ['多媒体教学设备', '校园网络', '录播及同步课堂设备'],
    problems: ['{d}老化，部分教室未实现交互式大屏全覆盖', '{d}带宽不足，无法开展同步课堂', '缺少{d}，无法参与城乡同步教研'],
    measures: ['实施智慧教室改造，更新{d}', '接入教育城域网千兆光纤，升级{d}', '建设{d}，接入全区同步课堂平台'],
    owners: ['学校信息中心', '区电化教育馆'],
    evidence: ['{d}改造完成，全部教室实现交互式大屏覆盖', '{d}已接入全区平台，同步课堂常态开展'],
    funds: [[FundSource.DISTRICT, 3], [FundSource.CITY, 2], [FundSource.SCHOOL, 1]],
    amount: [80_000, 500_000],
  },
};

const PROGRESS_NOTES = [
  '资金已到位，启动实施',
  '已完成招标，开始施工',
  '设备已下单，等待到货安装',
  '方案已经区教体局审核，进入实施',
];

/**
 * The rectification ledger (整改工作台账): items for most town-seat schools and some village
 * schools of the programme towns, with their status history. No item of a town meant to
 * meet CONDITIONS is ever overdue (open items fall due after the anchor, some within weeks);
 * each town meant to fail it has one item left open past a deadline in one of the two
 * assessed years (story.ts; base-calendar days, moved by `cal.at()`).
 */
export function planLedger(input: NetworkInput, demoSchool: { schoolId: string; actor: Actor }): Ledger {
  const out: Ledger = { items: [], changes: [] };
  const cal = input.calendar;
  for (const district of outerDistricts(input)) {
    const rng = new Random(`ledger:${input.scale}:${district.division.district.code}`);
    for (const school of district.schools) {
      if (!input.story.has(school.row.townId)) continue;
      const actor = school.row.id === demoSchool.schoolId ? demoSchool.actor : SEED_ACTOR;
      if (school.row.isTownSeat) {
        const overdue = failureOf(input.story, school.row.townId, ProgrammeGoal.CONDITIONS, familyOf(school.row.stage));
        const items = rng.chance(SEAT_SHARE) ? rng.int(1, 4) : 0;
        const kinds = rng.shuffle(standardItems(school)).slice(0, Math.max(items, overdue ? 1 : 0));
        kinds.forEach((kind, i) => {
          if (overdue && i === 0) {
            const deadline = cal.at(
              overdue.years.includes('2025')
                ? rng.pick(['2025-06-30', '2025-08-31', '2025-10-31'])
                : rng.pick(['2026-03-31', '2026-06-30', '2026-08-31', '2026-09-30']),
            );
            const status = rng.pick(['OPEN', 'IN_PROGRESS'] as const);
            item(out, rng, cal, school, kind, actor, { deadline, status });
          } else item(out, rng, cal, school, kind, actor, onTrack(rng, cal));
        });
      } else if (school.row.locality === SchoolLocality.RURAL && rng.chance(VILLAGE_SHARE)) {
        for (const kind of rng.shuffle(standardItems(school)).slice(0, rng.int(1, 2))) {
          const late = rng.chance(VILLAGE_OVERDUE);
          item(
            out,
            rng,
            cal,
            school,
            kind,
            actor,
            late
              ? { deadline: cal.at(rng.pick(['2025-08-31', '2025-12-31', '2026-06-30'])), status: 'IN_PROGRESS' }
              : onTrack(rng, cal),
          );
        }
      }
    }
  }
  return out;
}

type Plan = { deadline: string; status: 'OPEN' | 'IN_PROGRESS' } | { deadline: string; status: 'DONE' };

/**
 * Done (on time or a little late), or open and falling due after the anchor: in progress,
 * a quarter of them nearly due (within 30 days), or open and due at the end of a later month.
 */
function onTrack(rng: Random, cal: DemoCalendar): Plan {
  const r = rng.next();
  if (r < 0.55) {
    return {
      deadline: cal.at(rng.pick(['2025-08-31', '2025-10-31', '2025-12-31', '2026-06-30', '2026-08-31', '2026-12-31'])),
      status: 'DONE',
    };
  }
  if (r < 0.85) {
    const deadline = rng.chance(0.25) ? addDays(cal.anchor, rng.int(3, 28)) : monthEndAfter(cal.anchor, rng.int(2, 9));
    return { deadline, status: 'IN_PROGRESS' };
  }
  return { deadline: monthEndAfter(cal.anchor, rng.int(4, 13)), status: 'OPEN' };
}

/** The last day of the month `months` after `day`'s month. */
function monthEndAfter(day: string, months: number): string {
  return monthBounds(addMonths(day.slice(0, 7), months)).last;
}

/** The standard items a school can fall short of: dormitories only where pupils board, and so on. */
type Item = Exclude<StandardItem, StandardItem.OTHER>;

function standardItems({ row }: PlannedSchool): Item[] {
  const no: Item[] = [];
  return [
    StandardItem.FUNCTIONAL_ROOMS,
    StandardItem.EQUIPMENT,
    StandardItem.ICT,
    ...(row.providesLunch ? [StandardItem.CANTEEN as const] : no),
    ...(row.isBoarding ? [StandardItem.DORMITORY as const] : no),
    ...(row.runsSchoolBus ? [StandardItem.SCHOOL_BUS as const] : no),
  ];
}

const at = (day: string, rng: Random) =>
  `${day}T${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`;

function item(
  out: Ledger,
  rng: Random,
  cal: DemoCalendar,
  school: PlannedSchool,
  kind: Exclude<StandardItem, StandardItem.OTHER>,
  actor: Actor,
  plan: Plan,
): void {
  const t: Template = TEMPLATES[kind];
  const detail = rng.pick(t.details(school.row.stage));
  const fill = (s: string) => s.replaceAll('{d}', detail);
  // Items found in the self-inspection before the earlier assessed year were entered early
  // in it; later ones early in the latest assessed year.
  const { anchor } = cal;
  const latest = minDate(addDays(plan.deadline, -60), anchor);
  const early = cal.at('2025-01-06');
  let created = rng.chance(0.7) ? addDays(early, rng.int(0, 110)) : addDays(cal.at('2026-01-05'), rng.int(0, 110));
  if (created > latest) created = addDays(early, rng.int(0, 60));
  const id = randomUUID();
  const history: { day: string; from: RectificationStatus | null; to: RectificationStatus; note: string | null }[] = [
    { day: created, from: null, to: RectificationStatus.OPEN, note: null },
  ];
  let closedOn: string | null = null;
  if (plan.status !== 'OPEN') {
    const started = minDate(addDays(created, rng.int(15, 90)), addDays(anchor, -10));
    history.push({
      day: started,
      from: RectificationStatus.OPEN,
      to: RectificationStatus.IN_PROGRESS,
      note: rng.pick(PROGRESS_NOTES),
    });
    if (plan.status === 'DONE') {
      // Most close before their deadline, some a few weeks after it.
      const target = rng.chance(0.8) ? addDays(plan.deadline, -rng.int(5, 60)) : addDays(plan.deadline, rng.int(5, 40));
      closedOn = minDate(target < started ? addDays(started, rng.int(10, 40)) : target, addDays(anchor, -1));
      history.push({
        day: closedOn,
        from: RectificationStatus.IN_PROGRESS,
        to: RectificationStatus.DONE,
        note: '整改完成，已验收',
      });
    }
  }
  const [min, max] = t.amount;
  const amount = plan.status === 'OPEN' && rng.chance(0.2) ? null : `${Math.round(rng.int(min, max) / 1000) * 1000}.00`;
  // Steps on one day keep their order: a later step is stamped after the one before it.
  const stamps: string[] = [];
  for (const h of history) {
    const stamp = at(h.day, rng);
    const previous = stamps[stamps.length - 1];
    stamps.push(
      previous && Date.parse(stamp) <= Date.parse(previous)
        ? new Date(Date.parse(previous) + 20 * 60_000).toISOString()
        : stamp,
    );
  }
  out.items.push({
    id,
    createdAt: stamps[0]! as unknown as Date,
    updatedAt: stamps[stamps.length - 1]! as unknown as Date,
    schoolId: school.row.id,
    townId: school.row.townId,
    districtId: school.row.districtId,
    standardItem: kind as StandardItem,
    standardDetail: detail,
    problem: fill(rng.pick(t.problems)),
    fundSource: rng.weighted(t.funds),
    fundAmount: amount,
    deadline: plan.deadline,
    owner: rng.pick(t.owners),
    measures: fill(rng.pick(t.measures)),
    status: plan.status as RectificationStatus,
    evidence: plan.status === 'DONE' ? fill(rng.pick(t.evidence)) : null,
    closedOn,
  });
  history.forEach((h, i) =>
    out.changes.push({
      id: randomUUID(),
      itemId: id,
      fromStatus: h.from,
      toStatus: h.to,
      at: stamps[i]! as unknown as Date,
      userId: actor.userId,
      username: actor.username,
      note: h.note,
    }),
  );
}
