import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExchangeConsentTag, ExportButton, useToday } from '@zhuji/client/ui';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { ExchangeConsent, ExchangeDirection, TeacherExchangeKind, TeacherExchangeOrderField } from '../../gql/graphql';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { RecordListCard, RecordTable } from '../../app/records/RecordListCard';
import { EnumFilter, SchoolFilter } from '../../app/records/filters';
import { useFormatDate } from '../../app/records/format';
import { DistrictFilter } from '../teachers/TeacherListPage';
import { ExchangeFormModal } from './ExchangeForm';

const exchangeList = defineList({
  filters: {
    kind: { kind: 'enum', values: Object.values(TeacherExchangeKind) },
    districtId: { kind: 'id' },
    schoolId: { kind: 'id' },
    direction: { kind: 'enum', values: Object.values(ExchangeDirection) },
    activeOn: { kind: 'string' },
    consent: { kind: 'enum', values: Object.values(ExchangeConsent) },
  },
  sorts: [TeacherExchangeOrderField.StartDate, TeacherExchangeOrderField.CreatedAt],
  defaultSort: TeacherExchangeOrderField.StartDate,
});

const ExchangeListQuery = graphql(`
  query ExchangeListPage(
    $filter: TeacherExchangeFilter
    $orderBy: TeacherExchangeOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    teacherExchanges(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        kind
        startDate
        endDate
        consent
        teacher {
          id
          name
          staffNumber
        }
        fromSchool {
          id
          name
        }
        toSchool {
          id
          name
        }
      }
    }
  }
`);

const ExchangeCreatePermission = graphql(`
  query ExchangeCreatePermission {
    canCreate: viewerCan(action: EXCHANGE_CREATE)
  }
`);

/** Ongoing until the end of its last day; open-ended ones are ongoing. */
export function ExchangeStatusTag({ startDate, endDate }: { startDate: string; endDate?: string | null }) {
  const { t } = useTranslation();
  const day = useToday();
  if (startDate > day) return <Tag color="blue">{t('trusteeships.enum.status.PLANNED')}</Tag>;
  return !endDate || endDate >= day ? <Tag color="green">{t('records.ongoing')}</Tag> : <Tag>{t('records.ended')}</Tag>;
}

export function ExchangeListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const date = useFormatDate();
  const list = useListState(exchangeList);
  const { state } = list;
  const { consent, ...filters } = state.filters;
  const variables = {
    filter: { ...filters, consent: consent ? [consent] : undefined },
    orderBy: { field: state.sort, direction: state.direction },
  };
  const { data, previousData, loading, error, refetch } = useQuery(ExchangeListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const permission = useQuery(ExchangeCreatePermission, { fetchPolicy: 'cache-first' });
  const [creating, setCreating] = useState(false);
  const page = (data ?? previousData)?.teacherExchanges;
  type Row = NonNullable<typeof page>['nodes'][number];
  const set = list.setFilters;
  const school = (s: { id: string; name: string }) => <Link to={`/schools/${encodeURIComponent(s.id)}`}>{s.name}</Link>;

  return (
    <RecordListCard
      title={t('exchanges.title')}
      create={{
        allowed: permission.data?.canCreate ?? false,
        label: t('exchanges.create'),
        onClick: () => setCreating(true),
      }}
      exporter={
        <ExportButton
          query={ExchangeListQuery}
          variables={variables}
          fileName={`${t('exchanges.title')}.xlsx`}
          columns={[
            { path: 'teacher.name', heading: t('exchanges.field.teacher') },
            { path: 'teacher.staffNumber', heading: t('teachers.field.staffNumber') },
            { path: 'kind', heading: t('exchanges.field.kind') },
            { path: 'fromSchool.name', heading: t('exchanges.field.fromSchool') },
            { path: 'toSchool.name', heading: t('exchanges.field.toSchool') },
            { path: 'startDate', heading: t('exchanges.field.startDate') },
            { path: 'endDate', heading: t('exchanges.field.endDate') },
            { path: 'consent', heading: t('exchangeConsent.label') },
          ]}
        />
      }
      filters={
        <>
          <EnumFilter
            testId="filter-kind"
            placeholder={t('exchanges.field.kind')}
            values={Object.values(TeacherExchangeKind)}
            label={(v) => t(`teachers.enum.exchangeKind.${v}`)}
            value={state.filters.kind}
            onChange={(kind) => set({ kind })}
          />
          <DistrictFilter value={state.filters.districtId} onChange={(districtId) => set({ districtId })} />
          <SchoolFilter
            testId="filter-school"
            placeholder={t('exchanges.field.school')}
            value={state.filters.schoolId}
            onChange={(schoolId) => set({ schoolId })}
          />
          <EnumFilter
            testId="filter-direction"
            placeholder={t('exchanges.field.direction')}
            values={Object.values(ExchangeDirection)}
            label={(v) => t(`exchanges.direction.${v}`)}
            value={state.filters.direction}
            onChange={(direction) => set({ direction })}
            width={170}
          />
          <EnumFilter
            testId="filter-consent"
            placeholder={t('exchangeConsent.label')}
            values={Object.values(ExchangeConsent)}
            label={(v) => t(`exchangeConsent.${v}`)}
            value={state.filters.consent}
            onChange={(consent) => set({ consent })}
            width={140}
          />
          <Input
            type="date"
            data-testid="filter-active-on"
            aria-label={t('exchanges.field.activeOn')}
            title={t('exchanges.field.activeOn')}
            style={{ width: 150 }}
            value={state.filters.activeOn ?? ''}
            onChange={(e) => set({ activeOn: e.target.value || undefined })}
          />
        </>
      }
      list={list}
      sorts={exchangeList.sorts}
      sortLabel={(s) => t(`exchanges.sortField.${s}`)}
      result={{ error, retry: () => void refetch(), page, loading }}
      table={
        <RecordTable<Row>
          testId="exchange-table"
          rowAttribute="data-exchange-id"
          rows={page?.nodes ?? []}
          loading={loading}
          columns={[
            {
              key: 'teacher',
              title: t('exchanges.field.teacher'),
              render: (_, r) => <Link to={`/exchanges/${encodeURIComponent(r.id)}`}>{r.teacher.name}</Link>,
            },
            {
              key: 'kind',
              title: t('exchanges.field.kind'),
              width: 110,
              render: (_, r) => t(`teachers.enum.exchangeKind.${r.kind}`),
            },
            { key: 'from', title: t('exchanges.field.fromSchool'), render: (_, r) => school(r.fromSchool) },
            { key: 'to', title: t('exchanges.field.toSchool'), render: (_, r) => school(r.toSchool) },
            {
              key: 'start',
              title: t('exchanges.field.startDate'),
              width: 130,
              render: (_, r) => date(r.startDate),
            },
            {
              key: 'end',
              title: t('exchanges.field.endDate'),
              width: 130,
              render: (_, r) => date(r.endDate) || '—',
            },
            {
              key: 'status',
              title: t('exchanges.status'),
              width: 90,
              render: (_, r) => <ExchangeStatusTag startDate={r.startDate} endDate={r.endDate} />,
            },
            {
              key: 'consent',
              title: t('exchangeConsent.label'),
              width: 110,
              render: (_, r) => <ExchangeConsentTag consent={r.consent} />,
            },
          ]}
        />
      }
    >
      {creating && (
        <ExchangeFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/exchanges/${encodeURIComponent(id)}`)}
        />
      )}
    </RecordListCard>
  );
}
