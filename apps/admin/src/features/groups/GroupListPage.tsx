import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ExportButton, useToday } from '@zhuji/client/ui';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { CollaborationGroupKind, CollaborationGroupOrderField } from '../../gql/graphql';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { RecordListCard, RecordTable } from '../../app/records/RecordListCard';
import { EnumFilter, ListSearch, SchoolFilter } from '../../app/records/filters';
import { DistrictFilter } from '../teachers/TeacherListPage';
import { GroupFormModal } from './GroupForm';

const groupList = defineList({
  filters: {
    search: { kind: 'string' },
    kind: { kind: 'enum', values: Object.values(CollaborationGroupKind) },
    districtId: { kind: 'id' },
    leadSchoolId: { kind: 'id' },
    memberSchoolId: { kind: 'id' },
  },
  sorts: [CollaborationGroupOrderField.Name, CollaborationGroupOrderField.CreatedAt],
  defaultSort: CollaborationGroupOrderField.Name,
});

const GroupListQuery = graphql(`
  query GroupListPage(
    $filter: CollaborationGroupFilter
    $orderBy: CollaborationGroupOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
    $today: Date
  ) {
    collaborationGroups(
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
        id
        name
        kind
        leadSchool {
          id
          name
        }
        district {
          id
          name
        }
        members(activeOn: $today) {
          totalCount
        }
      }
    }
  }
`);

// Apart from the list: an export runs a query with exactly one top-level connection.
const GroupCreatePermission = graphql(`
  query GroupCreatePermission {
    canCreate: viewerCan(action: GROUP_CREATE)
  }
`);

export function GroupListPage() {
  const { t } = useTranslation();
  const today = useToday();
  const navigate = useNavigate();
  const list = useListState(groupList);
  const { state } = list;
  const variables = {
    filter: state.filters,
    orderBy: { field: state.sort, direction: state.direction },
    today: today,
  };
  const { data, previousData, loading, error, refetch } = useQuery(GroupListQuery, {
    variables: { ...variables, ...pageVariables(state) },
  });
  const [creating, setCreating] = useState(false);
  const permission = useQuery(GroupCreatePermission, { fetchPolicy: 'cache-first' });
  const page = (data ?? previousData)?.collaborationGroups;
  type Row = NonNullable<typeof page>['nodes'][number];
  const set = list.setFilters;

  return (
    <RecordListCard
      title={t('groups.title')}
      create={{
        allowed: permission.data?.canCreate ?? false,
        label: t('groups.create'),
        onClick: () => setCreating(true),
      }}
      exporter={
        <ExportButton
          query={GroupListQuery}
          variables={variables}
          fileName={`${t('groups.title')}.xlsx`}
          columns={[
            { path: 'name', heading: t('groups.field.name') },
            { path: 'kind', heading: t('groups.field.kind') },
            { path: 'leadSchool.name', heading: t('groups.field.leadSchool') },
            { path: 'district.name', heading: t('groups.field.district') },
            { path: 'members.totalCount', heading: t('groups.field.memberCount') },
          ]}
        />
      }
      filters={
        <>
          <ListSearch
            key={state.filters.search ?? ''}
            value={state.filters.search}
            placeholder={t('groups.search')}
            onSearch={(search) => set({ search })}
          />
          <EnumFilter
            testId="filter-kind"
            placeholder={t('groups.field.kind')}
            values={Object.values(CollaborationGroupKind)}
            label={(v) => t(`groups.enum.kind.${v}`)}
            value={state.filters.kind}
            onChange={(kind) => set({ kind })}
            width={160}
          />
          <DistrictFilter value={state.filters.districtId} onChange={(districtId) => set({ districtId })} />
          <SchoolFilter
            testId="filter-lead-school"
            placeholder={t('groups.field.leadSchool')}
            value={state.filters.leadSchoolId}
            onChange={(leadSchoolId) => set({ leadSchoolId })}
          />
          <SchoolFilter
            testId="filter-member-school"
            placeholder={t('groups.field.memberSchool')}
            value={state.filters.memberSchoolId}
            onChange={(memberSchoolId) => set({ memberSchoolId })}
          />
        </>
      }
      list={list}
      sorts={groupList.sorts}
      sortLabel={(s) => t(`groups.sortField.${s}`)}
      result={{ error, retry: () => void refetch(), page, loading }}
      table={
        <RecordTable<Row>
          testId="group-table"
          rowAttribute="data-group-id"
          rows={page?.nodes ?? []}
          loading={loading}
          columns={[
            {
              key: 'name',
              title: t('groups.field.name'),
              render: (_, g) => <Link to={`/groups/${encodeURIComponent(g.id)}`}>{g.name}</Link>,
            },
            {
              key: 'kind',
              title: t('groups.field.kind'),
              render: (_, g) => t(`groups.enum.kind.${g.kind}`),
              width: 150,
            },
            {
              key: 'leadSchool',
              title: t('groups.field.leadSchool'),
              render: (_, g) =>
                g.leadSchool ? (
                  <Link to={`/schools/${encodeURIComponent(g.leadSchool.id)}`}>{g.leadSchool.name}</Link>
                ) : (
                  t('records.outOfScope')
                ),
            },
            { key: 'district', title: t('groups.field.district'), render: (_, g) => g.district.name, width: 100 },
            {
              key: 'members',
              title: t('groups.field.memberCount'),
              align: 'right',
              render: (_, g) => g.members.totalCount,
              width: 110,
            },
          ]}
        />
      }
    >
      {creating && (
        <GroupFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/groups/${encodeURIComponent(id)}`)}
        />
      )}
    </RecordListCard>
  );
}
