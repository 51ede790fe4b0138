import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { OrderDirection, SchoolLocality, SchoolStage } from '../../gql/graphql';
import { QueryState } from '@zhuji/client/ui';
import { SchoolTable } from './SchoolTable';
import { downloadExport } from '@zhuji/client/export-file';
import {
  PAGE_SIZES,
  SORT_FIELDS,
  changeView,
  exportPath,
  nextPage,
  parseSchoolListParams,
  previousPage,
  toQueryVariables,
  toSchoolListParams,
  type SchoolListState,
} from './school-list-params';

const SchoolListQuery = graphql(`
  query SchoolListPage(
    $filter: SchoolFilter
    $orderBy: SchoolOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    schools(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...SchoolTable_School
      }
    }
  }
`);

const DistrictOptionsQuery = graphql(`
  query SchoolListPageDistricts {
    districts(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export function SchoolListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const state = parseSchoolListParams(params);
  const { data, previousData, loading, error, refetch } = useQuery(SchoolListQuery, {
    variables: toQueryVariables(state),
  });
  const districts = useQuery(DistrictOptionsQuery, { fetchPolicy: 'cache-first' });
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(state.search ?? '');

  const go = (next: SchoolListState) => setParams(toSchoolListParams(next));
  const change = (patch: Parameters<typeof changeView>[1]) => go(changeView(state, patch));
  const page = (data ?? previousData)?.schools;
  const filtered = Boolean(
    state.search || state.stage || state.locality || state.isTownSeat !== undefined || state.districtId,
  );

  const exportTable = async () => {
    setExporting(true);
    try {
      await downloadExport(exportPath(state), `${t('schools.title')}.xlsx`);
    } catch (e) {
      void message.error(`${t('schools.exportFailed')}: ${(e as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  const boolOptions = [
    { label: t('common.yes'), value: 'true' },
    { label: t('common.no'), value: 'false' },
  ];
  return (
    <Card
      title={t('schools.title')}
      extra={
        <Button onClick={() => void exportTable()} loading={exporting} data-testid="export">
          {t('schools.export')}
        </Button>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="search"
          placeholder={t('schools.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => change({ search: value.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          data-testid="filter-district"
          placeholder={t('schools.district')}
          style={{ width: 150 }}
          value={state.districtId}
          loading={districts.loading}
          options={districts.data?.districts.nodes.map((d) => ({ label: d.name, value: d.id }))}
          onChange={(districtId?: string) => change({ districtId })}
        />
        <Select
          allowClear
          data-testid="filter-stage"
          placeholder={t('schools.stage')}
          style={{ width: 140 }}
          value={state.stage}
          options={Object.values(SchoolStage).map((v) => ({ label: t(`enums.stage.${v}`), value: v }))}
          onChange={(stage?: SchoolStage) => change({ stage })}
        />
        <Select
          allowClear
          data-testid="filter-locality"
          placeholder={t('schools.locality')}
          style={{ width: 120 }}
          value={state.locality}
          options={Object.values(SchoolLocality).map((v) => ({ label: t(`enums.locality.${v}`), value: v }))}
          onChange={(locality?: SchoolLocality) => change({ locality })}
        />
        <Select
          allowClear
          data-testid="filter-town-seat"
          placeholder={t('schools.isTownSeat')}
          style={{ width: 130 }}
          value={state.isTownSeat === undefined ? undefined : String(state.isTownSeat)}
          options={boolOptions}
          onChange={(v?: string) => change({ isTownSeat: v === undefined ? undefined : v === 'true' })}
        />
        <Select
          data-testid="sort"
          aria-label={t('schools.sort')}
          style={{ width: 150 }}
          value={state.sort}
          options={SORT_FIELDS.map((f) => ({ label: t(`schools.sortField.${f}`), value: f }))}
          onChange={(sort) => change({ sort })}
        />
        <Select
          data-testid="direction"
          style={{ width: 100 }}
          value={state.direction}
          options={Object.values(OrderDirection).map((d) => ({ label: t(`schools.direction.${d}`), value: d }))}
          onChange={(direction) => change({ direction })}
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setSearch('');
              go(
                changeView(state, {
                  search: undefined,
                  stage: undefined,
                  locality: undefined,
                  isTownSeat: undefined,
                  districtId: undefined,
                }),
              );
            }}
          >
            {t('schools.clearFilters')}
          </Button>
        )}
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <SchoolTable schools={page?.nodes ?? []} loading={loading} emptyText={t('common.empty')} />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text data-testid="total" data-count={page?.totalCount} data-loading={loading}>
          {page ? t('schools.total', { count: page.totalCount }) : ''}
        </Typography.Text>
        <Space>
          <Select
            data-testid="page-size"
            style={{ width: 120 }}
            value={state.size}
            options={PAGE_SIZES.map((size) => ({ label: t('schools.pageSize', { size }), value: size }))}
            onChange={(size) => change({ size })}
          />
          <Button
            data-testid="previous"
            disabled={loading || !page?.pageInfo.hasPreviousPage || !page.pageInfo.startCursor}
            onClick={() => page?.pageInfo.startCursor && go(previousPage(state, page.pageInfo.startCursor))}
          >
            {t('schools.previous')}
          </Button>
          <Button
            data-testid="next"
            disabled={loading || !page?.pageInfo.hasNextPage || !page.pageInfo.endCursor}
            onClick={() => page?.pageInfo.endCursor && go(nextPage(state, page.pageInfo.endCursor))}
          >
            {t('schools.next')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}
