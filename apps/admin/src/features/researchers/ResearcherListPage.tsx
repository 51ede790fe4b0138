import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { ResearcherLevel, ResearcherOrderField } from '../../gql/graphql';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import {
  EnumFilter,
  ListSearch,
  RecordExport,
  RecordListCard,
  RecordTable,
  SchoolFilter,
  today,
} from '../teachers/RecordKit';
import { DistrictFilter } from '../teachers/TeacherListPage';
import { ResearcherFormModal } from './ResearcherForm';

const researcherList = defineList({
  filters: {
    search: { kind: 'string' },
    level: { kind: 'enum', values: Object.values(ResearcherLevel) },
    districtId: { kind: 'id' },
    subject: { kind: 'string' },
    schoolId: { kind: 'id' },
  },
  sorts: [ResearcherOrderField.Name, ResearcherOrderField.CreatedAt],
  defaultSort: ResearcherOrderField.Name,
});

const ResearcherListQuery = graphql(`
  query ResearcherListPage(
    $filter: ResearcherFilter
    $orderBy: ResearcherOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
    $today: Date
  ) {
    researchers(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        name
        level
        subject
        district {
          id
          name
        }
        assignments(activeOn: $today, first: 1) {
          totalCount
        }
      }
    }
  }
`);

const ResearcherCreatePermission = graphql(`
  query ResearcherCreatePermission {
    canCreate: viewerCan(action: RESEARCHER_MANAGE)
  }
`);

export function ResearcherListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListState(researcherList);
  const { state } = list;
  const variables = {
    filter: state.filters,
    orderBy: { field: state.sort, direction: state.direction },
    today: today(),
  };
  const { data, previousData, loading, error, refetch } = useQuery(ResearcherListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const permission = useQuery(ResearcherCreatePermission, { fetchPolicy: 'cache-first' });
  const [creating, setCreating] = useState(false);
  const page = (data ?? previousData)?.researchers;
  type Row = NonNullable<typeof page>['nodes'][number];
  const set = list.setFilters;

  return (
    <RecordListCard
      title={t('researchers.title')}
      create={{
        allowed: permission.data?.canCreate ?? false,
        label: t('researchers.create'),
        onClick: () => setCreating(true),
      }}
      exporter={
        <RecordExport
          query={ResearcherListQuery}
          variables={variables}
          fileName={`${t('researchers.title')}.xlsx`}
          columns={[
            { path: 'name', heading: t('researchers.field.name') },
            { path: 'level', heading: t('researchers.field.level') },
            { path: 'district.name', heading: t('researchers.field.district') },
            { path: 'subject', heading: t('researchers.field.subject') },
            { path: 'assignments.totalCount', heading: t('researchers.field.currentAssignments') },
          ]}
        />
      }
      filters={
        <>
          <ListSearch
            key={`search:${state.filters.search ?? ''}`}
            value={state.filters.search}
            placeholder={t('researchers.search')}
            onSearch={(search) => set({ search })}
          />
          <EnumFilter
            testId="filter-level"
            placeholder={t('researchers.field.level')}
            values={Object.values(ResearcherLevel)}
            label={(v) => t(`researchers.enum.level.${v}`)}
            value={state.filters.level}
            onChange={(level) => set({ level })}
            width={110}
          />
          <DistrictFilter value={state.filters.districtId} onChange={(districtId) => set({ districtId })} />
          <ListSearch
            key={`subject:${state.filters.subject ?? ''}`}
            value={state.filters.subject}
            testId="filter-subject"
            placeholder={t('researchers.subjectFilter')}
            onSearch={(subject) => set({ subject })}
          />
          <SchoolFilter
            testId="filter-school"
            placeholder={t('researchers.field.school')}
            value={state.filters.schoolId}
            onChange={(schoolId) => set({ schoolId })}
          />
        </>
      }
      list={list}
      sorts={researcherList.sorts}
      sortLabel={(s) => t(`researchers.sortField.${s}`)}
      result={{ error, retry: () => void refetch(), page, loading }}
      table={
        <RecordTable<Row>
          testId="researcher-table"
          rowAttribute="data-researcher-id"
          rows={page?.nodes ?? []}
          loading={loading}
          columns={[
            {
              key: 'name',
              title: t('researchers.field.name'),
              render: (_, r) => <Link to={`/researchers/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
            },
            {
              key: 'level',
              title: t('researchers.field.level'),
              width: 100,
              render: (_, r) => t(`researchers.enum.level.${r.level}`),
            },
            {
              key: 'district',
              title: t('researchers.field.district'),
              width: 120,
              render: (_, r) => r.district?.name ?? '—',
            },
            { key: 'subject', title: t('researchers.field.subject'), dataIndex: 'subject', width: 120 },
            {
              key: 'assignments',
              title: t('researchers.field.currentAssignments'),
              align: 'right',
              width: 120,
              render: (_, r) => r.assignments.totalCount,
            },
          ]}
        />
      }
    >
      {creating && (
        <ResearcherFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/researchers/${encodeURIComponent(id)}`)}
        />
      )}
    </RecordListCard>
  );
}
