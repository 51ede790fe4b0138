import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExportButton, QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { ProgrammeGoal, type TownListPageQuery } from '../../gql/graphql';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { PAGE_SIZES } from '../../app/list/list-params';
import { currentPeriod, GOAL_ORDER, recentPeriods } from '../dashboard/programme';
import { filterTowns, parseTownListParams, toTownListParams, type TownListState } from './town-list';

const TownListQuery = graphql(`
  query TownListPage($period: String!, $districtId: ID) {
    programmeSummary(period: $period, districtId: $districtId) {
      period
      townCount
      towns {
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

// The export walks the towns connection (the API's goal verdicts are not a connection).
const TownExportQuery = graphql(`
  query TownExport($filter: TownFilter) {
    towns(filter: $filter, first: 100) {
      nodes {
        code
        name
        kind
        pilotLevel
        district {
          name
        }
      }
    }
  }
`);

type Row = TownListPageQuery['programmeSummary']['towns'][number];
const GOALS = GOAL_ORDER;

/**
 * The programme towns with their six verdicts. The API answers attainment for all towns in
 * scope at once (programmeSummary.towns), so "meets all" and "falls short of a goal" filter
 * that complete answer here; the district and the year are asked of the server.
 */
export function TownListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = parseTownListParams(params);
  const go = (next: TownListState) => setParams(toTownListParams(next));
  const change = (patch: Partial<TownListState>) => go({ ...state, ...patch, page: 1 });
  const { data, previousData, loading, error, refetch } = useQuery(TownListQuery, {
    variables: { period: state.period, districtId: state.districtId },
  });
  const summary = (data ?? previousData)?.programmeSummary;
  const rows = useMemo(() => (summary ? filterTowns(summary.towns, state) : []), [summary, state]);
  const filtered = Boolean(state.districtId || state.failing || state.meetsAll !== undefined || state.search);

  const columns: ColumnsType<Row> = [
    { key: 'code', title: t('towns.column.code'), render: (_, r) => r.town.code, width: 110 },
    {
      key: 'name',
      title: t('towns.column.name'),
      render: (_, r) => (
        <Link
          to={`/towns/${encodeURIComponent(r.town.id)}${state.period === currentPeriod() ? '' : `?period=${state.period}`}`}
          data-testid="town-link"
        >
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
          variables={{ filter: { inProgramme: true, ...(state.districtId ? { districtId: state.districtId } : {}) } }}
          fileName={`${t('towns.exportName')}.xlsx`}
          label={t('towns.export')}
          columns={[
            { path: 'code', heading: t('towns.column.code') },
            { path: 'name', heading: t('towns.column.name') },
            { path: 'district.name', heading: t('towns.column.district') },
            { path: 'kind', heading: t('towns.column.kind') },
            { path: 'pilotLevel', heading: t('towns.column.pilot') },
          ]}
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="search"
          placeholder={t('towns.search')}
          defaultValue={state.search}
          onSearch={(v) => change({ search: v.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select
          data-testid="filter-period"
          aria-label={t('overview.period')}
          style={{ width: 100 }}
          value={state.period}
          options={recentPeriods().map((p) => ({ value: p, label: p }))}
          onChange={(period: string) => change({ period })}
        />
        <DistrictPicker
          data-testid="filter-district"
          style={{ width: 150 }}
          value={state.districtId}
          onChange={(districtId) => change({ districtId })}
        />
        <Select
          allowClear
          data-testid="filter-meets-all"
          placeholder={t('towns.column.meetsAll')}
          style={{ width: 140 }}
          value={state.meetsAll === undefined ? undefined : String(state.meetsAll)}
          options={[
            { value: 'true', label: t('towns.meetsAll') },
            { value: 'false', label: t('towns.notAll') },
          ]}
          onChange={(v?: string) => change({ meetsAll: v === undefined ? undefined : v === 'true' })}
        />
        <Select
          allowClear
          data-testid="filter-failing"
          placeholder={t('towns.failing')}
          style={{ width: 180 }}
          value={state.failing}
          options={GOALS.map((g) => ({ value: g, label: t('towns.failingGoal', { goal: t(`enums.goal.${g}`) }) }))}
          onChange={(failing?: ProgrammeGoal) => change({ failing })}
        />
        <Select
          data-testid="sort"
          aria-label={t('list.sort')}
          style={{ width: 140 }}
          value={state.sort}
          options={(['name', 'code', 'goalsMet'] as const).map((s) => ({ value: s, label: t(`towns.sort.${s}`) }))}
          onChange={(sort: TownListState['sort']) => change({ sort })}
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => go({ period: state.period, sort: state.sort, size: state.size, page: 1 })}
          >
            {t('list.clearFilters')}
          </Button>
        )}
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table<Row>
          data-testid="town-table"
          rowKey={(r) => r.town.id}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('common.empty') }}
          onRow={(r) => ({ 'data-town-id': r.town.id }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: state.page,
            pageSize: state.size,
            pageSizeOptions: PAGE_SIZES.map(String),
            showSizeChanger: true,
            onChange: (page, size) =>
              go({ ...state, page: size === state.size ? page : 1, size: size as TownListState['size'] }),
          }}
        />
      )}
      <Space>
        <Typography.Text data-testid="total" data-count={summary ? rows.length : undefined} data-loading={loading}>
          {summary ? t('towns.total', { count: rows.length, all: summary.townCount }) : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}
