import { useQuery } from '@apollo/client/react';
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton, QueryState, useToday } from '@zhuji/client/ui';
import { SortControls } from '../../app/records/filters';
import { graphql } from '../../gql';
import { TownPlanState, type PlanListPageQuery } from '../../gql/graphql';
import { useListState } from '../../app/list/useListState';
import { isFiltered, pageVariables } from '../../app/list/list-params';
import { ListPager } from '../../app/list/ListPager';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { formatDate, formatDateTime } from '@zhuji/client/format';
import { recentPeriods } from '../dashboard/programme';
import { planFilter, planList } from './plan-list';
import { PlanStateTag } from './PlanStateTag';

const PlanListQuery = graphql(`
  query PlanListPage(
    $filter: TownPlanFilter
    $orderBy: TownPlanOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    townPlans(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        year
        state
        dueDate
        isLate
        submittedAt
        lastSubmittedAt
        town {
          id
          name
        }
        district {
          id
          name
        }
      }
    }
  }
`);

type Row = PlanListPageQuery['townPlans']['nodes'][number];

export function PlanListPage() {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const navigate = useNavigate();
  const list = useListState(planList);
  const { state } = list;
  const variables = {
    filter: planFilter(state),
    orderBy: { field: state.sort, direction: state.direction },
  };
  const { data, previousData, loading, error, refetch } = useQuery(PlanListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const page = (data ?? previousData)?.townPlans;

  const columns: ColumnsType<Row> = [
    {
      key: 'town',
      title: t('plans.column.town'),
      render: (_, p) => (
        <Link to={`/plans/${encodeURIComponent(p.id)}`} data-testid="plan-link">
          {p.town.name}
        </Link>
      ),
    },
    { key: 'district', title: t('plans.column.district'), render: (_, p) => p.district.name, width: 120 },
    { key: 'year', title: t('plans.column.year'), dataIndex: 'year', width: 80 },
    { key: 'state', title: t('plans.column.state'), render: (_, p) => <PlanStateTag state={p.state} />, width: 100 },
    {
      key: 'due',
      title: t('plans.column.dueDate'),
      render: (_, p) => formatDate(p.dueDate, i18n.language),
      width: 110,
    },
    {
      key: 'submitted',
      title: t('plans.column.lastSubmittedAt'),
      render: (_, p) => (p.lastSubmittedAt ? formatDateTime(p.lastSubmittedAt, i18n.language) : '—'),
      width: 160,
    },
    {
      key: 'late',
      title: t('plans.column.late'),
      render: (_, p) => (p.isLate ? <Tag color="red">{t('plans.late')}</Tag> : null),
      width: 90,
    },
  ];

  return (
    <Card
      title={t('plans.title')}
      extra={
        <ExportButton
          query={PlanListQuery}
          variables={variables}
          fileName={`${t('plans.title')}.xlsx`}
          columns={[
            { path: 'town.name', heading: t('plans.column.town') },
            { path: 'district.name', heading: t('plans.column.district') },
            { path: 'year', heading: t('plans.column.year') },
            { path: 'state', heading: t('plans.column.state') },
            { path: 'dueDate', heading: t('plans.column.dueDate') },
            { path: 'lastSubmittedAt', heading: t('plans.column.lastSubmittedAt') },
            { path: 'isLate', heading: t('plans.column.late') },
          ]}
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <DistrictPicker
          data-testid="filter-district"
          style={{ width: 150 }}
          value={state.filters.districtId}
          onChange={(districtId) => list.setFilters({ districtId, townId: undefined })}
        />
        <Select
          allowClear
          data-testid="filter-status"
          placeholder={t('plans.column.state')}
          style={{ width: 120 }}
          value={state.filters.status}
          options={Object.values(TownPlanState).map((s) => ({ value: s, label: t(`enums.planState.${s}`) }))}
          onChange={(status?: TownPlanState) => list.setFilters({ status })}
        />
        <Select
          allowClear
          data-testid="filter-year"
          placeholder={t('plans.column.year')}
          style={{ width: 110 }}
          value={state.filters.year}
          options={recentPeriods(today).map((y) => ({ value: y, label: y }))}
          onChange={(year?: string) => list.setFilters({ year })}
        />
        <Select
          allowClear
          data-testid="filter-late"
          placeholder={t('plans.column.late')}
          style={{ width: 120 }}
          value={state.filters.late === undefined ? undefined : String(state.filters.late)}
          options={[
            { value: 'true', label: t('plans.lateOnly') },
            { value: 'false', label: t('plans.onTime') },
          ]}
          onChange={(v?: string) => list.setFilters({ late: v === undefined ? undefined : v === 'true' })}
        />
        <SortControls
          sorts={planList.sorts}
          sort={state.sort}
          direction={state.direction}
          label={(sort) => t(`plans.sort.${sort}`)}
          onSort={list.setSort}
          filtered={isFiltered(state)}
          onClear={list.clearFilters}
        />
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table<Row>
          data-testid="plan-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.nodes ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(p) =>
            ({
              'data-plan-id': p.id,
              'data-status': p.state,
              style: { cursor: 'pointer' },
              onClick: (e: React.MouseEvent) => {
                if (!(e.target as HTMLElement).closest('a')) void navigate(`/plans/${encodeURIComponent(p.id)}`);
              },
            }) as React.HTMLAttributes<HTMLElement>
          }
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
      <Typography.Text type="secondary">{t('plans.hint')}</Typography.Text>
    </Card>
  );
}
