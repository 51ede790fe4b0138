import { daysBetween } from '@zhuji/client/days';

export interface AttentionItem {
  kind: 'planReturned' | 'planDue' | 'planMissing' | 'overdue' | 'missingMonth' | 'dueMonth' | 'exchangeEnding';
  severity: 'high' | 'normal';
  link: string;
  params: Record<string, string | number>;
  detail?: string;
}

interface Input {
  today: string;
  year: number;
  overdue: readonly { id: string; problem: string; deadline: string; school: { name: string } }[];
  exchanges: readonly {
    id: string;
    endDate?: string | null;
    teacher: { name: string };
    fromSchool: { name: string };
    toSchool: { name: string };
  }[];
  plans: readonly {
    id: string;
    year: number;
    state: string;
    dueDate: string;
    town: { id: string; name: string };
    transitions: readonly { at: string; toState: string; comment?: string | null }[];
  }[];
  assignments: readonly {
    id: string;
    missingMonths: readonly string[];
    dueMonth?: string | null;
    researcher: { name: string };
    school: { id: string; name: string };
  }[];
  researcher: boolean;
}

/**
 * What needs the viewer now, most pressing first: a plan returned by the district, a plan
 * due or overdue and not yet submitted, next year's plan not yet started (from October),
 * ledger items past their deadline, ended months without joint research, for a researcher the
 * month in progress still without it (due, not missed: it has not ended), exchanges ending
 * within `soonDays`. The server scopes every list; this only picks and orders.
 */
export function attentionItems(input: Input, soonDays: number): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const plan of input.plans) {
    const link = `/plans/${encodeURIComponent(plan.id)}`;
    const params = { year: plan.year, town: plan.town.name, due: plan.dueDate };
    if (plan.state === 'RETURNED') {
      const comment = [...plan.transitions].reverse().find((tr) => tr.toState === 'RETURNED')?.comment ?? undefined;
      items.push({ kind: 'planReturned', severity: 'high', link, params, detail: comment });
    } else if (plan.state === 'DRAFT' && daysBetween(input.today, plan.dueDate) <= soonDays) {
      items.push({
        kind: 'planDue',
        severity: daysBetween(input.today, plan.dueDate) < 0 ? 'high' : 'normal',
        link,
        params,
      });
    }
  }
  const town = input.plans[0]?.town;
  const next = input.year + 1;
  if (town && Number(input.today.slice(5, 7)) >= 10 && !input.plans.some((p) => p.year === next)) {
    items.push({ kind: 'planMissing', severity: 'normal', link: '/plans', params: { year: next, town: town.name } });
  }
  for (const item of input.overdue) {
    items.push({
      kind: 'overdue',
      severity: 'high',
      link: `/ledger/${encodeURIComponent(item.id)}`,
      params: { school: item.school.name, problem: item.problem, deadline: item.deadline },
    });
  }
  for (const a of input.assignments) {
    for (const month of a.missingMonths) {
      items.push({
        kind: 'missingMonth',
        severity: 'normal',
        link: input.researcher
          ? `/research?assignment=${encodeURIComponent(a.id)}&month=${month}`
          : `/schools/${encodeURIComponent(a.school.id)}`,
        params: { month, school: a.school.name, researcher: a.researcher.name },
      });
    }
    // The school's staff cannot hold it for the researcher; only the researcher is reminded.
    if (a.dueMonth && input.researcher) {
      items.push({
        kind: 'dueMonth',
        severity: 'normal',
        link: `/research?assignment=${encodeURIComponent(a.id)}&month=${a.dueMonth}`,
        params: { month: a.dueMonth, school: a.school.name, researcher: a.researcher.name },
      });
    }
  }
  for (const ex of input.exchanges) {
    if (!ex.endDate) continue;
    const left = daysBetween(input.today, ex.endDate);
    if (left >= 0 && left <= soonDays) {
      items.push({
        kind: 'exchangeEnding',
        severity: 'normal',
        link: '/collaboration',
        params: {
          teacher: ex.teacher.name,
          from: ex.fromSchool.name,
          to: ex.toSchool.name,
          end: ex.endDate,
          days: left,
        },
      });
    }
  }
  const rank = (i: AttentionItem) => (i.severity === 'high' ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b));
}
