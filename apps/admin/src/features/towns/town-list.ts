import { ProgrammeGoal } from '../../gql/graphql';
import { PAGE_SIZES, type PageSize } from '../../app/list/list-params';
import { currentPeriod } from '../dashboard/programme';

/**
 * The town goals table's URL: `?period=2025&districtId=…&meetsAll=false&failing=STAFFING&search=镇&sort=goalsMet&page=2&size=50`.
 * The whole answer is one query (every programme town in scope), so paging is by page number.
 */
export interface TownListState {
  period: string;
  districtId?: string;
  meetsAll?: boolean;
  failing?: ProgrammeGoal;
  search?: string;
  sort: 'name' | 'code' | 'goalsMet';
  size: PageSize;
  page: number;
}

const SORTS = ['name', 'code', 'goalsMet'] as const;

export function parseTownListParams(params: URLSearchParams): TownListState {
  const period = params.get('period');
  const state: TownListState = {
    period: period && /^\d{4}$/.test(period) ? period : currentPeriod(),
    sort: SORTS.find((s) => s === params.get('sort')) ?? 'name',
    size: PAGE_SIZES.find((s) => String(s) === params.get('size')) ?? PAGE_SIZES[0],
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
  const districtId = params.get('districtId');
  if (districtId) state.districtId = districtId;
  const meetsAll = params.get('meetsAll');
  if (meetsAll === 'true' || meetsAll === 'false') state.meetsAll = meetsAll === 'true';
  const failing = Object.values(ProgrammeGoal).find((g) => g === params.get('failing'));
  if (failing) state.failing = failing;
  const search = params.get('search')?.trim();
  if (search) state.search = search;
  return state;
}

export function toTownListParams(state: TownListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.period !== currentPeriod()) params.set('period', state.period);
  if (state.districtId) params.set('districtId', state.districtId);
  if (state.meetsAll !== undefined) params.set('meetsAll', String(state.meetsAll));
  if (state.failing) params.set('failing', state.failing);
  if (state.search) params.set('search', state.search);
  if (state.sort !== 'name') params.set('sort', state.sort);
  if (state.size !== PAGE_SIZES[0]) params.set('size', String(state.size));
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

interface TownRow {
  meetsAll: boolean;
  town: { name: string; code: string };
  goals: readonly { goal: ProgrammeGoal; met: boolean }[];
}

/** The rows the filters keep, in the chosen order (fewest goals met first for `goalsMet`). */
export function filterTowns<T extends TownRow>(rows: readonly T[], state: TownListState): T[] {
  const met = (r: T) => r.goals.filter((g) => g.met).length;
  return rows
    .filter((r) => state.meetsAll === undefined || r.meetsAll === state.meetsAll)
    .filter((r) => !state.failing || r.goals.some((g) => g.goal === state.failing && !g.met))
    .filter((r) => !state.search || r.town.name.includes(state.search) || r.town.code.startsWith(state.search))
    .sort((a, b) =>
      state.sort === 'code'
        ? a.town.code.localeCompare(b.town.code)
        : state.sort === 'goalsMet'
          ? met(a) - met(b) || a.town.code.localeCompare(b.town.code)
          : a.town.name.localeCompare(b.town.name, 'zh-CN'),
    );
}
