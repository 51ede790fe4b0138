import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ExportButton, useToday } from '@zhuji/client/ui';
import { Link, useNavigate } from 'react-router';
import { getFragmentData, graphql } from '../../gql';
import { ResearcherLevel, ResearcherOrderField, type ResearcherListPage_ResearcherFragment } from '../../gql/graphql';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { RecordListCard, RecordTable } from '../../app/records/RecordListCard';
import { BooleanFilter, EnumFilter, ListSearch, SchoolFilter } from '../../app/records/filters';
import { DistrictFilter } from '../teachers/TeacherListPage';
import { ResearcherFormModal } from './ResearcherForm';

const researcherList = defineList({
  filters: {
    search: { kind: 'string' },
    level: { kind: 'enum', values: Object.values(ResearcherLevel) },
    districtId: { kind: 'id' },
    subject: { kind: 'string' },
    schoolId: { kind: 'id' },
    withoutTownSeat: { kind: 'boolean' },
  },
  sorts: [ResearcherOrderField.Name, ResearcherOrderField.CreatedAt],
  defaultSort: ResearcherOrderField.Name,
});

const ResearcherRowFragment = graphql(`
  fragment ResearcherListPage_Researcher on Researcher {
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
`);

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
        ...ListPager_PageInfo
      }
      nodes {
        ...ResearcherListPage_Researcher
      }
    }
  }
`);

/** The programme's rule: every researcher attached to at least one town-seat school today. */
const ResearcherRuleQuery = graphql(`
  query ResearcherListPageWithoutTownSeat(
    $filter: ResearcherFilter
    $orderBy: ResearcherOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
    $today: Date
  ) {
    researchersWithoutTownSeatSchool(
      activeOn: $today
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
        ...ResearcherListPage_Researcher
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
  const today = useToday();
  const navigate = useNavigate();
  const list = useListState(researcherList);
  const { state } = list;
  const { withoutTownSeat, ...filter } = state.filters;
  const variables = { filter, orderBy: { field: state.sort, direction: state.direction }, today: today };
  const all = useQuery(ResearcherListQuery, {
    variables: { ...variables, ...pageVariables(state) },
    skip: withoutTownSeat === true,
  });
  const rule = useQuery(ResearcherRuleQuery, {
    variables: { ...variables, ...pageVariables(state) },
    skip: withoutTownSeat !== true,
  });
  const { loading, error, refetch } = withoutTownSeat ? rule : all;
  const permission = useQuery(ResearcherCreatePermission, { fetchPolicy: 'cache-first' });
  const [creating, setCreating] = useState(false);
  const result = withoutTownSeat
    ? (rule.data ?? rule.previousData)?.researchersWithoutTownSeatSchool
    : (all.data ?? all.previousData)?.researchers;
  const page = result && { ...result, nodes: getFragmentData(ResearcherRowFragment, result.nodes) };
  type Row = ResearcherListPage_ResearcherFragment;
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
        <ExportButton
          query={withoutTownSeat ? ResearcherRuleQuery : ResearcherListQuery}
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
          <BooleanFilter
            testId="filter-without-town-seat"
            placeholder={t('researchers.withoutTownSeat')}
            value={state.filters.withoutTownSeat}
            onChange={(v) => set({ withoutTownSeat: v || undefined })}
            options={[{ label: t('researchers.withoutTownSeatOnly'), value: true }]}
            width={230}
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
