import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { BackboneLevel, Degree, SchoolStage, TeacherOrderField, Title, type TeacherFilter } from '../../gql/graphql';
import { downloadExport } from '@zhuji/client/export-file';
import { defineList, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { TeacherTable } from './TeacherTable';
import { ExportTableButton, RecordListCard } from '../../app/records/RecordListCard';
import { BooleanFilter, EnumFilter, ListSearch, SchoolFilter } from '../../app/records/filters';
import { TeacherFormModal, useTeacherPermissions } from './TeacherForm';

export const teacherList = defineList({
  filters: {
    search: { kind: 'string' },
    districtId: { kind: 'id' },
    schoolId: { kind: 'id' },
    stage: { kind: 'enum', values: Object.values(SchoolStage) },
    isTownSeat: { kind: 'boolean' },
    degree: { kind: 'enum', values: Object.values(Degree) },
    title: { kind: 'enum', values: Object.values(Title) },
    backboneLevel: { kind: 'enum', values: Object.values(BackboneLevel) },
    isFullTime: { kind: 'boolean' },
  },
  sorts: [TeacherOrderField.Name, TeacherOrderField.StaffNumber, TeacherOrderField.CreatedAt],
  defaultSort: TeacherOrderField.Name,
});

const TeacherListQuery = graphql(`
  query TeacherListPage(
    $filter: TeacherFilter
    $orderBy: TeacherOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    teachers(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        ...TeacherTable_Teacher
      }
    }
  }
`);

export const DistrictOptionsQuery = graphql(`
  query RecordDistrictOptions {
    districts(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** A district filter over the districts the viewer can see (one for a district admin). */
export function DistrictFilter(props: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(DistrictOptionsQuery, { fetchPolicy: 'cache-first' });
  return (
    <Select
      allowClear
      data-testid="filter-district"
      placeholder={t('teachers.field.district')}
      style={{ width: 130 }}
      value={props.value}
      loading={loading}
      options={data?.districts.nodes.map((d) => ({ label: d.name, value: d.id }))}
      onChange={(id?: string) => props.onChange(id)}
    />
  );
}

export function TeacherListPage() {
  const { t } = useTranslation();
  const list = useListState(teacherList);
  const { state } = list;
  const filter: TeacherFilter = state.filters;
  const orderBy = { field: state.sort, direction: state.direction };
  const { data, previousData, loading, error, refetch } = useQuery(TeacherListQuery, {
    variables: { filter, orderBy, ...pageVariables(state) },
  });
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const can = useTeacherPermissions();
  const page = (data ?? previousData)?.teachers;
  const set = (filters: Parameters<typeof list.setFilters>[0]) => list.setFilters(filters);

  const exportTable = () =>
    downloadExport(
      `/api/export/teachers.xlsx?${new URLSearchParams({ filter: JSON.stringify(filter), orderBy: JSON.stringify(orderBy) }).toString()}`,
      `${t('teachers.title')}.xlsx`,
    );

  return (
    <RecordListCard
      title={t('teachers.title')}
      create={{ allowed: can.create, label: t('teachers.create'), onClick: () => setCreating(true) }}
      exporter={<ExportTableButton run={exportTable} />}
      filters={
        <>
          <ListSearch
            key={state.filters.search ?? ''}
            value={state.filters.search}
            placeholder={t('teachers.search')}
            onSearch={(search) => set({ search })}
          />
          <DistrictFilter value={state.filters.districtId} onChange={(districtId) => set({ districtId })} />
          <SchoolFilter
            testId="filter-school"
            placeholder={t('teachers.field.school')}
            value={state.filters.schoolId}
            onChange={(schoolId) => set({ schoolId })}
          />
          <EnumFilter
            testId="filter-stage"
            placeholder={t('teachers.field.stage')}
            values={Object.values(SchoolStage)}
            label={(v) => t(`enums.stage.${v}`)}
            value={state.filters.stage}
            onChange={(stage) => set({ stage })}
          />
          <BooleanFilter
            testId="filter-town-seat"
            placeholder={t('teachers.field.isTownSeat')}
            value={state.filters.isTownSeat}
            onChange={(isTownSeat) => set({ isTownSeat })}
          />
          <EnumFilter
            testId="filter-degree"
            placeholder={t('teachers.field.degree')}
            values={Object.values(Degree)}
            label={(v) => t(`teachers.enum.degree.${v}`)}
            value={state.filters.degree}
            onChange={(degree) => set({ degree })}
          />
          <EnumFilter
            testId="filter-title"
            placeholder={t('teachers.field.title')}
            values={Object.values(Title)}
            label={(v) => t(`teachers.enum.title.${v}`)}
            value={state.filters.title}
            onChange={(title) => set({ title })}
            width={110}
          />
          <EnumFilter
            testId="filter-backbone"
            placeholder={t('teachers.field.backboneLevel')}
            values={Object.values(BackboneLevel)}
            label={(v) => t(`teachers.enum.backboneLevel.${v}`)}
            value={state.filters.backboneLevel}
            onChange={(backboneLevel) => set({ backboneLevel })}
            width={110}
          />
          <BooleanFilter
            testId="filter-full-time"
            placeholder={t('teachers.field.isFullTime')}
            value={state.filters.isFullTime}
            onChange={(isFullTime) => set({ isFullTime })}
            width={110}
          />
        </>
      }
      list={list}
      sorts={teacherList.sorts}
      sortLabel={(s) => t(`teachers.sortField.${s}`)}
      result={{ error, retry: () => void refetch(), page, loading }}
      table={<TeacherTable teachers={page?.nodes ?? []} loading={loading} emptyText={t('common.empty')} />}
    >
      {creating && (
        <TeacherFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/teachers/${encodeURIComponent(id)}`)}
        />
      )}
    </RecordListCard>
  );
}
