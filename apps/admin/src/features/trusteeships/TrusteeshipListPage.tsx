import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApprovalTag, ExportButton } from '@zhuji/client/ui';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { RelationApproval, TrusteeshipMode, TrusteeshipOrderField, TrusteeshipStatus } from '../../gql/graphql';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { RecordListCard, RecordTable } from '../../app/records/RecordListCard';
import { EnumFilter, SchoolFilter } from '../../app/records/filters';
import { useFormatDate } from '../../app/records/format';
import { DistrictFilter } from '../teachers/TeacherListPage';
import { TrusteeshipFormModal } from './TrusteeshipForm';

const trusteeshipList = defineList({
  filters: {
    status: { kind: 'enum', values: Object.values(TrusteeshipStatus) },
    mode: { kind: 'enum', values: Object.values(TrusteeshipMode) },
    approval: { kind: 'enum', values: Object.values(RelationApproval) },
    districtId: { kind: 'id' },
    leadSchoolId: { kind: 'id' },
    partnerSchoolId: { kind: 'id' },
  },
  sorts: [TrusteeshipOrderField.StartDate, TrusteeshipOrderField.CreatedAt],
  defaultSort: TrusteeshipOrderField.StartDate,
});

const TrusteeshipListQuery = graphql(`
  query TrusteeshipListPage(
    $filter: TrusteeshipFilter
    $orderBy: TrusteeshipOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    trusteeships(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        mode
        status
        approval
        measures
        startDate
        plannedEndDate
        actualEndDate
        leadSchool {
          id
          name
        }
        partnerSchool {
          id
          name
        }
        activities(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const TrusteeshipCreatePermission = graphql(`
  query TrusteeshipCreatePermission {
    canCreate: viewerCan(action: TRUSTEESHIP_CREATE)
  }
`);

const STATUS_COLOR: Record<TrusteeshipStatus, string> = { ACTIVE: 'green', PLANNED: 'blue', ENDED: 'default' };

export function TrusteeshipStatusTag({ status }: { status: TrusteeshipStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`trusteeships.enum.status.${status}`)}</Tag>;
}

export function TrusteeshipListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const date = useFormatDate();
  const list = useListState(trusteeshipList);
  const { state } = list;
  const variables = { filter: state.filters, orderBy: { field: state.sort, direction: state.direction } };
  const { data, previousData, loading, error, refetch } = useQuery(TrusteeshipListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const permission = useQuery(TrusteeshipCreatePermission, { fetchPolicy: 'cache-first' });
  const [creating, setCreating] = useState(false);
  const page = (data ?? previousData)?.trusteeships;
  type Row = NonNullable<typeof page>['nodes'][number];
  const set = list.setFilters;
  const school = (s: Row['leadSchool']) =>
    s ? <Link to={`/schools/${encodeURIComponent(s.id)}`}>{s.name}</Link> : t('records.outOfScope');

  return (
    <RecordListCard
      title={t('trusteeships.title')}
      create={{
        allowed: permission.data?.canCreate ?? false,
        label: t('trusteeships.create'),
        onClick: () => setCreating(true),
      }}
      exporter={
        <ExportButton
          query={TrusteeshipListQuery}
          variables={variables}
          fileName={`${t('trusteeships.title')}.xlsx`}
          columns={[
            { path: 'leadSchool.name', heading: t('trusteeships.field.leadSchool') },
            { path: 'partnerSchool.name', heading: t('trusteeships.field.partnerSchool') },
            { path: 'mode', heading: t('trusteeships.field.mode') },
            { path: 'status', heading: t('trusteeships.field.status') },
            { path: 'approval', heading: t('approval.label') },
            { path: 'measures', heading: t('trusteeships.field.measures') },
            { path: 'startDate', heading: t('trusteeships.field.startDate') },
            { path: 'plannedEndDate', heading: t('trusteeships.field.plannedEndDate') },
            { path: 'actualEndDate', heading: t('trusteeships.field.actualEndDate') },
            { path: 'activities.totalCount', heading: t('trusteeships.field.activityCount') },
          ]}
        />
      }
      filters={
        <>
          <EnumFilter
            testId="filter-status"
            placeholder={t('trusteeships.field.status')}
            values={Object.values(TrusteeshipStatus)}
            label={(v) => t(`trusteeships.enum.status.${v}`)}
            value={state.filters.status}
            onChange={(status) => set({ status })}
            width={110}
          />
          <EnumFilter
            testId="filter-mode"
            placeholder={t('trusteeships.field.mode')}
            values={Object.values(TrusteeshipMode)}
            label={(v) => t(`trusteeships.enum.mode.${v}`)}
            value={state.filters.mode}
            onChange={(mode) => set({ mode })}
            width={140}
          />
          <EnumFilter
            testId="filter-approval"
            placeholder={t('approval.label')}
            values={Object.values(RelationApproval)}
            label={(v) => t(`enums.approval.${v}`)}
            value={state.filters.approval}
            onChange={(approval) => set({ approval })}
            width={120}
          />
          <DistrictFilter value={state.filters.districtId} onChange={(districtId) => set({ districtId })} />
          <SchoolFilter
            testId="filter-lead-school"
            placeholder={t('trusteeships.field.leadSchool')}
            value={state.filters.leadSchoolId}
            onChange={(leadSchoolId) => set({ leadSchoolId })}
          />
          <SchoolFilter
            testId="filter-partner-school"
            placeholder={t('trusteeships.field.partnerSchool')}
            value={state.filters.partnerSchoolId}
            onChange={(partnerSchoolId) => set({ partnerSchoolId })}
          />
        </>
      }
      list={list}
      sorts={trusteeshipList.sorts}
      sortLabel={(s) => t(`trusteeships.sortField.${s}`)}
      result={{ error, retry: () => void refetch(), page, loading }}
      table={
        <RecordTable<Row>
          testId="trusteeship-table"
          rowAttribute="data-trusteeship-id"
          rows={page?.nodes ?? []}
          loading={loading}
          columns={[
            { key: 'lead', title: t('trusteeships.field.leadSchool'), render: (_, r) => school(r.leadSchool) },
            {
              key: 'partner',
              title: t('trusteeships.field.partnerSchool'),
              render: (_, r) => school(r.partnerSchool),
            },
            {
              key: 'mode',
              title: t('trusteeships.field.mode'),
              width: 130,
              render: (_, r) => (
                <Link to={`/trusteeships/${encodeURIComponent(r.id)}`}>{t(`trusteeships.enum.mode.${r.mode}`)}</Link>
              ),
            },
            {
              key: 'status',
              title: t('trusteeships.field.status'),
              width: 90,
              render: (_, r) => <TrusteeshipStatusTag status={r.status} />,
            },
            {
              key: 'approval',
              title: t('approval.label'),
              width: 100,
              render: (_, r) => <ApprovalTag approval={r.approval} />,
            },
            {
              key: 'period',
              title: `${t('trusteeships.field.startDate')} – ${t('trusteeships.field.plannedEndDate')}`,
              width: 260,
              render: (_, r) => `${date(r.startDate)} – ${date(r.actualEndDate ?? r.plannedEndDate) || '…'}`,
            },
            {
              key: 'activities',
              title: t('trusteeships.field.activityCount'),
              align: 'right',
              width: 80,
              render: (_, r) => r.activities.totalCount,
            },
          ]}
        />
      }
    >
      {creating && (
        <TrusteeshipFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/trusteeships/${encodeURIComponent(id)}`)}
        />
      )}
    </RecordListCard>
  );
}
