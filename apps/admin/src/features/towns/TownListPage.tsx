import { useQuery } from '@apollo/client/react';
import { Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton, QueryState, useToday } from '@zhuji/client/ui';
import { SortControls } from '../../app/records/filters';
import { graphql } from '../../gql';
import { ProgrammeGoal, type TownListPageQuery } from '../../gql/graphql';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { pageVariables } from '../../app/list/list-params';
import { ListPager } from '../../app/list/ListPager';
import { useListState } from '../../app/list/useListState';
import { GOAL_ORDER, periodQuery, recentPeriods } from '../dashboard/programme';
import { townList, townListFiltered, townListVariables } from './town-list';

const TownListQuery = graphql(`
  query TownListPage(
    $period: String
    $filter: TownGoalFilter
    $orderBy: TownGoalOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    townGoalAttainments(
      period: $period
      filter: $filter
      orderBy: $orderBy
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        period
        meetsAll
        town {
          id
          code
          name
          pilotLevel
          district {
            id
            name
          }
        }
        goals {
          goal
          met
        }
      }
    }
  }
`);

// The same connection with the same variables, one aliased column per goal (in GOAL_ORDER).
const TownExportQuery = graphql(`
  query TownExport($period: String, $filter: TownGoalFilter, $orderBy: TownGoalOrder, $first: Int, $after: String) {
    townGoalAttainments(period: $period, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      nodes {
        period
        meetsAll
        goalsMet
        town {
          code
          name
          kind
          pilotLevel
          district {
            name
          }
        }
        CONDITIONS: verdict(goal: CONDITIONS) {
          met
        }
        QUALITY: verdict(goal: QUALITY) {
          met
        }
        STAFFING: verdict(goal: STAFFING) {
          met
        }
        ENVIRONMENT: verdict(goal: ENVIRONMENT) {
          met
        }
        SUPPORT: verdict(goal: SUPPORT) {
          met
        }
        SATISFACTION: verdict(goal: SATISFACTION) {
          met
        }
      }
    }
  }
`);

type Row = TownListPageQuery['townGoalAttainments']['nodes'][number];
const GOALS = GOAL_ORDER;

/**
 * The programme towns with their six verdicts, one keyset page at a time: the server
 * filters by verdict ("meets all", "falls short of a goal") and sorts by goals met, so the
 * export walks the very rows the table shows.
 */
export function TownListPage() {
  const { t } = useTranslation();
  const today = useToday();
  const list = useListState(townList);
  const { state } = list;
  const variables = townListVariables(state);
  const { data, previousData, loading, error, refetch } = useQuery(TownListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const page = (data ?? previousData)?.townGoalAttainments;
  // Without ?period= the server answers for the latest year with assessments; each row says which.
  const period = variables.period ?? page?.nodes[0]?.period;

  const columns: ColumnsType<Row> = [
    { key: 'code', title: t('towns.column.code'), render: (_, r) => r.town.code, width: 110 },
    {
      key: 'name',
      title: t('towns.column.name'),
      render: (_, r) => (
        <Link to={`/towns/${encodeURIComponent(r.town.id)}${periodQuery(variables.period)}`} data-testid="town-link">
          {r.town.name}
        </Link>
      ),
    },
    { key: 'district', title: t('towns.column.district'), render: (_, r) => r.town.district.name, width: 100 },
    {
      key: 'pilot',
      title: t('towns.column.pilot'),
      render: (_, r) => (r.town.pilotLevel === 'NONE' ? '—' : t(`towns.pilot.${r.town.pilotLevel}`)),
      width: 90,
    },
    {
      key: 'meetsAll',
      title: t('towns.column.meetsAll'),
      render: (_, r) =>
        r.meetsAll ? <Tag color="green">{t('towns.meets')}</Tag> : <Tag color="orange">{t('towns.short')}</Tag>,
      width: 90,
    },
    ...GOALS.map((goal) => ({
      key: goal,
      title: (
        <Tooltip title={t(`enums.goal.${goal}`)}>
          <span>{t(`towns.goalShort.${goal}`)}</span>
        </Tooltip>
      ),
      align: 'center' as const,
      width: 64,
      render: (_: unknown, r: Row) => {
        const verdict = r.goals.find((g) => g.goal === goal);
        if (!verdict) return '—';
        return verdict.met ? (
          <Typography.Text type="success" aria-label={t('towns.meets')}>
            ✓
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" strong aria-label={t('towns.short')} data-testid="goal-failed">
            ✗
          </Typography.Text>
        );
      },
    })),
  ];

  return (
    <Card
      title={t('towns.title')}
      extra={
        <ExportButton
          query={TownExportQuery}
          variables={variables}
          fileName={`${t('towns.exportName', { period })}.xlsx`}
          label={t('towns.export')}
          columns={[
            { path: 'town.code', heading: t('towns.column.code') },
            { path: 'town.name', heading: t('towns.column.name') },
            { path: 'town.district.name', heading: t('towns.column.district') },
            { path: 'town.kind', heading: t('towns.column.kind') },
            { path: 'town.pilotLevel', heading: t('towns.column.pilot') },
            { path: 'period', heading: t('overview.period') },
            { path: 'meetsAll', heading: t('towns.column.meetsAll') },
            { path: 'goalsMet', heading: t('towns.column.goalsMet') },
            ...GOALS.map((goal) => ({ path: `${goal}.met`, heading: t(`enums.goal.${goal}`) })),
          ]}
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Input.Search
          key={state.filters.search ?? ''}
          allowClear
          data-testid="search"
          placeholder={t('towns.search')}
          defaultValue={state.filters.search}
          onSearch={(v) => list.setFilters({ search: v.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select
          data-testid="filter-period"
          aria-label={t('overview.period')}
          style={{ width: 100 }}
          value={period}
          options={recentPeriods(today).map((p) => ({ value: p, label: p }))}
          onChange={(next: string) => list.setFilters({ period: next })}
        />
        <DistrictPicker
          data-testid="filter-district"
          style={{ width: 150 }}
          value={state.filters.districtId}
          onChange={(districtId) => list.setFilters({ districtId })}
        />
        <Select
          allowClear
          data-testid="filter-meets-all"
          placeholder={t('towns.column.meetsAll')}
          style={{ width: 140 }}
          value={state.filters.meetsAll === undefined ? undefined : String(state.filters.meetsAll)}
          options={[
            { value: 'true', label: t('towns.meetsAll') },
            { value: 'false', label: t('towns.notAll') },
          ]}
          onChange={(v?: string) => list.setFilters({ meetsAll: v === undefined ? undefined : v === 'true' })}
        />
        <Select
          allowClear
          data-testid="filter-failing"
          placeholder={t('towns.failing')}
          style={{ width: 180 }}
          value={state.filters.failing}
          options={GOALS.map((g) => ({ value: g, label: t('towns.failingGoal', { goal: t(`enums.goal.${g}`) }) }))}
          onChange={(failing?: ProgrammeGoal) => list.setFilters({ failing })}
        />
        <SortControls
          sorts={townList.sorts}
          sort={state.sort}
          direction={state.direction}
          label={(sort) => t(`towns.sort.${sort}`)}
          onSort={list.setSort}
          filtered={townListFiltered(state)}
          onClear={list.clearFilters}
        />
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table<Row>
          data-testid="town-table"
          rowKey={(r) => r.town.id}
          size="middle"
          columns={columns}
          dataSource={page?.nodes ?? []}
          loading={loading}
          scroll={{ x: 900 }}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(r) => ({ 'data-town-id': r.town.id }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      <ListPager
        page={page}
        loading={loading}
        size={state.size}
        onSize={list.setSize}
        onNext={list.next}
        onPrevious={list.previous}
      />
    </Card>
  );
}
