import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton, QueryState } from '@zhuji/client/ui';
import { SortControls } from '../../app/records/filters';
import { formatDate } from '@zhuji/client/format';
import { graphql } from '../../gql';
import {
  FundSource,
  RectificationStatus,
  StandardItem,
  type LedgerListPageQuery,
  type RectificationItemFilter,
} from '../../gql/graphql';
import { useListState } from '../../app/list/useListState';
import { isFiltered, pageVariables } from '../../app/list/list-params';
import { ListPager } from '../../app/list/ListPager';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';
import { ledgerList } from './ledger-rules';
import { LedgerCreateDrawer } from './LedgerCreateDrawer';
import { LedgerStatusTag } from './LedgerStatusTag';

const LedgerListQuery = graphql(`
  query LedgerListPage(
    $filter: RectificationItemFilter
    $orderBy: RectificationItemOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    rectificationItems(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        problem
        standardItem
        status
        overdue
        deadline
        owner
        fundSource
        fundAmount
        school {
          id
          name
        }
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
    canCreate: viewerCan(action: LEDGER_CREATE)
  }
`);

type Row = LedgerListPageQuery['rectificationItems']['nodes'][number];

export function LedgerListPage() {
  const { t, i18n } = useTranslation();
  const list = useListState(ledgerList);
  const { state } = list;
  const [creating, setCreating] = useState(false);
  const filter: RectificationItemFilter = { ...state.filters };
  const orderBy = { field: state.sort, direction: state.direction };
  const { data, previousData, loading, error, refetch } = useQuery(LedgerListQuery, {
    variables: { filter, orderBy, ...pageVariables(state) },
  });
  const page = (data ?? previousData)?.rectificationItems;
  const enumOptions = <V extends string>(
    values: readonly V[],
    prefix: 'enums.ledgerStatus' | 'enums.standardItem' | 'ledger.fundSource',
  ) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as 'enums.ledgerStatus.OPEN') }));

  const columns: ColumnsType<Row> = [
    {
      key: 'problem',
      title: t('ledger.column.problem'),
      render: (_, r) => (
        <Link to={`/ledger/${encodeURIComponent(r.id)}`} data-testid="ledger-link">
          <Typography.Text ellipsis style={{ maxWidth: 280, color: 'inherit' }}>
            {r.problem}
          </Typography.Text>
        </Link>
      ),
    },
    {
      key: 'school',
      title: t('ledger.column.school'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.school.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.district.name} · {r.town.name}
          </Typography.Text>
        </Space>
      ),
      width: 200,
    },
    {
      key: 'item',
      title: t('ledger.column.standardItem'),
      render: (_, r) => t(`enums.standardItem.${r.standardItem}`),
      width: 100,
    },
    { key: 'owner', title: t('ledger.column.owner'), dataIndex: 'owner', width: 120, ellipsis: true },
    {
      key: 'deadline',
      title: t('ledger.column.deadline'),
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>
          {formatDate(r.deadline, i18n.language)}
        </Typography.Text>
      ),
      width: 130,
    },
    {
      key: 'status',
      title: t('ledger.column.status'),
      render: (_, r) => <LedgerStatusTag status={r.status} overdue={r.overdue} />,
      width: 150,
    },
  ];

  return (
    <Card
      title={t('ledger.title')}
      extra={
        <Space>
          {data?.canCreate && (
            <Button type="primary" data-testid="ledger-create" onClick={() => setCreating(true)}>
              {t('ledger.create')}
            </Button>
          )}
          <ExportButton
            query={LedgerListQuery}
            variables={{ filter, orderBy }}
            fileName={`${t('ledger.title')}.xlsx`}
            columns={[
              { path: 'district.name', heading: t('ledger.column.district') },
              { path: 'town.name', heading: t('ledger.column.town') },
              { path: 'school.name', heading: t('ledger.column.school') },
              { path: 'standardItem', heading: t('ledger.column.standardItem') },
              { path: 'problem', heading: t('ledger.column.problem') },
              { path: 'owner', heading: t('ledger.column.owner') },
              { path: 'fundSource', heading: t('ledger.column.fundSource') },
              { path: 'fundAmount', heading: t('ledger.column.fundAmount') },
              { path: 'deadline', heading: t('ledger.column.deadline') },
              { path: 'status', heading: t('ledger.column.status') },
              { path: 'overdue', heading: t('ledger.overdue') },
            ]}
          />
        </Space>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <DistrictPicker
          data-testid="filter-district"
          style={{ width: 140 }}
          value={state.filters.districtId}
          onChange={(districtId) => list.setFilters({ districtId, schoolId: undefined, townId: undefined })}
        />
        <div style={{ width: 240 }}>
          <SchoolPicker
            data-testid="filter-school"
            districtId={state.filters.districtId}
            value={state.filters.schoolId}
            onChange={(schoolId) => list.setFilters({ schoolId })}
          />
        </div>
        <Select
          allowClear
          data-testid="filter-status"
          placeholder={t('ledger.column.status')}
          style={{ width: 110 }}
          value={state.filters.status}
          options={enumOptions(Object.values(RectificationStatus), 'enums.ledgerStatus')}
          onChange={(status?: RectificationStatus) => list.setFilters({ status })}
        />
        <Select
          allowClear
          data-testid="filter-overdue"
          placeholder={t('ledger.overdue')}
          style={{ width: 110 }}
          value={state.filters.overdue === undefined ? undefined : String(state.filters.overdue)}
          options={[
            { value: 'true', label: t('ledger.overdueOnly') },
            { value: 'false', label: t('ledger.notOverdue') },
          ]}
          onChange={(v?: string) => list.setFilters({ overdue: v === undefined ? undefined : v === 'true' })}
        />
        <Select
          allowClear
          data-testid="filter-standard-item"
          placeholder={t('ledger.column.standardItem')}
          style={{ width: 120 }}
          value={state.filters.standardItem}
          options={enumOptions(Object.values(StandardItem), 'enums.standardItem')}
          onChange={(standardItem?: StandardItem) => list.setFilters({ standardItem })}
        />
        <Select
          allowClear
          data-testid="filter-fund-source"
          placeholder={t('ledger.column.fundSource')}
          style={{ width: 120 }}
          value={state.filters.fundSource}
          options={enumOptions(Object.values(FundSource), 'ledger.fundSource')}
          onChange={(fundSource?: FundSource) => list.setFilters({ fundSource })}
        />
        <div data-testid="filter-deadline">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('ledger.deadlineFrom'), t('ledger.deadlineTo')]}
            value={[
              state.filters.deadlineFrom ? dayjs(state.filters.deadlineFrom) : null,
              state.filters.deadlineTo ? dayjs(state.filters.deadlineTo) : null,
            ]}
            onChange={(dates) =>
              list.setFilters({
                deadlineFrom: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
                deadlineTo: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
          />
        </div>
        <SortControls
          sorts={ledgerList.sorts}
          sort={state.sort}
          direction={state.direction}
          label={(sort) => t(`ledger.sort.${sort}`)}
          onSort={list.setSort}
          filtered={isFiltered(state)}
          onClear={list.clearFilters}
        />
      </Flex>
      {state.filters.townId && (
        <Tag closable style={{ marginBottom: 12 }} onClose={() => list.setFilters({ townId: undefined })}>
          {t('ledger.townFilter', { town: page?.nodes[0]?.town.name ?? '…' })}
        </Tag>
      )}
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table<Row>
          data-testid="ledger-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.nodes ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(r) => ({ 'data-item-id': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
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
      <LedgerCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void refetch();
        }}
      />
    </Card>
  );
}
