import { useQuery } from '@apollo/client/react';
import { Card, Flex, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton, QueryState, useToday } from '@zhuji/client/ui';
import { SortControls } from '../../app/records/filters';
import { graphql } from '../../gql';
import { AssessmentSubjectKind, type AssessmentListPageQuery, type AssessmentFilter } from '../../gql/graphql';
import { useListState } from '../../app/list/useListState';
import { isFiltered, pageVariables } from '../../app/list/list-params';
import { ListPager } from '../../app/list/ListPager';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';
import { recentPeriods } from '../dashboard/programme';
import { assessmentList } from './indicators';

const AssessmentListQuery = graphql(`
  query AssessmentListPage(
    $filter: AssessmentFilter
    $orderBy: AssessmentOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    assessments(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
        id
        period
        subjectKind
        notes
        indicators {
          kind
        }
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
  }
`);

type Row = AssessmentListPageQuery['assessments']['nodes'][number];

export function AssessmentListPage() {
  const { t } = useTranslation();
  const today = useToday();
  const list = useListState(assessmentList);
  const { state } = list;
  const filter: AssessmentFilter = { ...state.filters };
  if (filter.period && !/^\d{4}$/.test(filter.period)) delete filter.period;
  const orderBy = { field: state.sort, direction: state.direction };
  const { data, previousData, loading, error, refetch } = useQuery(AssessmentListQuery, {
    variables: { filter, orderBy, ...pageVariables(state) },
  });
  const page = (data ?? previousData)?.assessments;

  const columns: ColumnsType<Row> = [
    {
      key: 'subject',
      title: t('assessments.column.subject'),
      render: (_, a) => (
        <Link to={`/assessments/${encodeURIComponent(a.id)}`} data-testid="assessment-link">
          {a.school?.name ?? a.town.name}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('assessments.column.subjectKind'),
      render: (_, a) => <Tag>{t(`assessments.subjectKind.${a.subjectKind}`)}</Tag>,
      width: 110,
    },
    { key: 'period', title: t('assessments.column.period'), dataIndex: 'period', width: 90 },
    { key: 'district', title: t('assessments.column.district'), render: (_, a) => a.district.name, width: 110 },
    { key: 'town', title: t('assessments.column.town'), render: (_, a) => a.town.name, width: 140 },
    {
      key: 'indicators',
      title: t('assessments.column.indicators'),
      render: (_, a) => a.indicators.length,
      align: 'right',
      width: 100,
    },
  ];

  return (
    <Card
      title={t('assessments.title')}
      extra={
        <ExportButton
          query={AssessmentListQuery}
          variables={{ filter, orderBy }}
          fileName={`${t('assessments.title')}.xlsx`}
          columns={[
            { path: 'period', heading: t('assessments.column.period') },
            { path: 'subjectKind', heading: t('assessments.column.subjectKind') },
            { path: 'district.name', heading: t('assessments.column.district') },
            { path: 'town.name', heading: t('assessments.column.town') },
            { path: 'school.name', heading: t('assessments.column.school') },
            { path: 'notes', heading: t('assessments.column.notes') },
          ]}
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          data-testid="filter-period"
          placeholder={t('assessments.column.period')}
          style={{ width: 110 }}
          value={state.filters.period}
          options={recentPeriods(today).map((p) => ({ value: p, label: p }))}
          onChange={(period?: string) => list.setFilters({ period })}
        />
        <Select
          allowClear
          data-testid="filter-subject-kind"
          placeholder={t('assessments.column.subjectKind')}
          style={{ width: 130 }}
          value={state.filters.subjectKind}
          options={Object.values(AssessmentSubjectKind).map((k) => ({
            value: k,
            label: t(`assessments.subjectKind.${k}`),
          }))}
          onChange={(subjectKind?: AssessmentSubjectKind) => list.setFilters({ subjectKind })}
        />
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
        <SortControls
          sorts={assessmentList.sorts}
          sort={state.sort}
          direction={state.direction}
          label={(sort) => t(`assessments.sort.${sort}`)}
          onSort={list.setSort}
          filtered={isFiltered(state)}
          onClear={list.clearFilters}
        />
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table<Row>
          data-testid="assessment-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.nodes ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(a) => ({ 'data-assessment-id': a.id }) as React.HTMLAttributes<HTMLElement>}
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
    </Card>
  );
}
