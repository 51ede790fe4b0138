import { useQuery } from '@apollo/client/react';
import { Card, DatePicker, Flex, Input, Select, Table, Tag, Typography, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@zhuji/client/format';
import { ExportButton, QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { defineList, isFiltered, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { ListPager } from '../../app/list/ListPager';
import { AuditChanges } from './AuditChanges';
import { zhCN } from './locales';

const RECORD_TYPES = Object.keys(zhCN.audit.type) as (keyof typeof zhCN.audit.type)[];

const AUDIT_LIST = defineList({
  filters: {
    recordType: { kind: 'enum', values: RECORD_TYPES },
    username: { kind: 'string' },
    from: { kind: 'date' },
    to: { kind: 'date' },
  },
  // The log is read newest first; the server offers no other order.
  sorts: ['AT'],
  defaultSort: 'AT',
});

const AuditLogQuery = graphql(`
  query AuditLogPage($filter: AuditEntryFilter, $first: Int, $after: String, $last: Int, $before: String) {
    auditEntries(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        at
        action
        username
        recordType
        recordId
        changes
        requestId
      }
    }
  }
`);

const AuditExportQuery = graphql(`
  query AuditLogExport($filter: AuditEntryFilter, $first: Int, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      nodes {
        at
        username
        action
        recordType
        recordId
        changes
        requestId
      }
    }
  }
`);

/** A day in Beijing as the instant it starts: the log's from/to filters take instants. */
const startOfDay = (day: string) => `${day}T00:00:00+08:00`;

/** The whole audit log within the admin's scope: who changed what, when, filterable. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const list = useListState(AUDIT_LIST);
  const { filters } = list.state;
  const filter = {
    recordType: filters.recordType,
    username: filters.username,
    from: filters.from ? startOfDay(filters.from) : undefined,
    // "until 28 Nov" includes the 28th: the filter's end is exclusive.
    to: filters.to ? startOfDay(dayjs(filters.to).add(1, 'day').format('YYYY-MM-DD')) : undefined,
  };
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogQuery, {
    variables: { filter, ...pageVariables(list.state) },
  });
  const page = (data ?? previousData)?.auditEntries;
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    filters.from ? dayjs(filters.from) : null,
    filters.to ? dayjs(filters.to) : null,
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <ExportButton
          query={AuditExportQuery}
          variables={{ filter }}
          fileName={`${t('audit.title')}.xlsx`}
          columns={[
            { path: 'at', heading: t('audit.at') },
            { path: 'username', heading: t('audit.user') },
            { path: 'action', heading: t('audit.action') },
            { path: 'recordType', heading: t('audit.recordType') },
            { path: 'recordId', heading: t('audit.record') },
            { path: 'changes', heading: t('audit.changes') },
            { path: 'requestId', heading: t('audit.requestId') },
          ]}
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          data-testid="filter-record-type"
          placeholder={t('audit.recordType')}
          style={{ width: 160 }}
          value={filters.recordType}
          options={RECORD_TYPES.map((type) => ({ value: type, label: t(`audit.type.${type}`) }))}
          onChange={(recordType?: (typeof RECORD_TYPES)[number]) => list.setFilters({ recordType })}
        />
        <Input.Search
          allowClear
          data-testid="filter-username"
          placeholder={t('audit.username')}
          defaultValue={filters.username}
          style={{ width: 200 }}
          onSearch={(value) => list.setFilters({ username: value.trim() || undefined })}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={range}
          placeholder={[t('audit.from'), t('audit.to')]}
          onChange={(dates) =>
            list.setFilters({
              from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
        {isFiltered(list.state) && (
          <Button type="link" onClick={list.clearFilters}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table
          size="small"
          data-testid="audit-table"
          rowKey={(e) => `${e.at}-${e.recordId}-${e.action}`}
          loading={loading}
          dataSource={page?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 160,
              render: (at: string) => formatDateTime(at, i18n.language),
            },
            { title: t('audit.user'), dataIndex: 'username', width: 130 },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 80,
              render: (action: string) => <Tag>{t(`audit.actionName.${action}` as 'audit.actionName.UPDATE')}</Tag>,
            },
            {
              title: t('audit.recordType'),
              dataIndex: 'recordType',
              width: 120,
              render: (type: string) =>
                (RECORD_TYPES as string[]).includes(type) ? t(`audit.type.${type as 'School'}`) : type,
            },
            {
              title: t('audit.changes'),
              dataIndex: 'changes',
              render: (changes: Record<string, unknown>) => <AuditChanges changes={changes} />,
            },
            {
              title: t('audit.requestId'),
              dataIndex: 'requestId',
              width: 120,
              render: (id: string | null) => (
                <Typography.Text type="secondary" copyable={!!id} ellipsis style={{ maxWidth: 110 }}>
                  {id ?? '—'}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      <ListPager
        page={page}
        loading={loading}
        size={list.state.size}
        onSize={list.setSize}
        onNext={list.next}
        onPrevious={list.previous}
      />
    </Card>
  );
}
