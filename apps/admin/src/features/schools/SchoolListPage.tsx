import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { SchoolLocality, SchoolStage } from '../../gql/graphql';
import { QueryState } from '@zhuji/client/ui';
import { SortControls } from '../../app/records/filters';
import { SchoolTable } from './SchoolTable';
import { downloadExport } from '@zhuji/client/export-file';
import { isFiltered, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { ListPager } from '../../app/list/ListPager';
import { SCHOOL_LIST, exportPath, schoolFilter, schoolOrder } from './school-list';

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
        ...ListPager_PageInfo
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
  const list = useListState(SCHOOL_LIST);
  const { state } = list;
  const { filters } = state;
  const { data, previousData, loading, error, refetch } = useQuery(SchoolListQuery, {
    variables: { filter: schoolFilter(state), orderBy: schoolOrder(state), ...pageVariables(state) },
  });
  const districts = useQuery(DistrictOptionsQuery, { fetchPolicy: 'cache-first' });
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(filters.search ?? '');
  const page = (data ?? previousData)?.schools;

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
          onSearch={(value) => list.setFilters({ search: value.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          data-testid="filter-district"
          placeholder={t('schools.district')}
          style={{ width: 150 }}
          value={filters.districtId}
          loading={districts.loading}
          options={districts.data?.districts.nodes.map((d) => ({ label: d.name, value: d.id }))}
          onChange={(districtId?: string) => list.setFilters({ districtId })}
        />
        <Select
          allowClear
          data-testid="filter-stage"
          placeholder={t('schools.stage')}
          style={{ width: 140 }}
          value={filters.stage}
          options={Object.values(SchoolStage).map((v) => ({ label: t(`enums.stage.${v}`), value: v }))}
          onChange={(stage?: SchoolStage) => list.setFilters({ stage })}
        />
        <Select
          allowClear
          data-testid="filter-locality"
          placeholder={t('schools.locality')}
          style={{ width: 120 }}
          value={filters.locality}
          options={Object.values(SchoolLocality).map((v) => ({ label: t(`enums.locality.${v}`), value: v }))}
          onChange={(locality?: SchoolLocality) => list.setFilters({ locality })}
        />
        <Select
          allowClear
          data-testid="filter-town-seat"
          placeholder={t('schools.isTownSeat')}
          style={{ width: 130 }}
          value={filters.townSeat === undefined ? undefined : String(filters.townSeat)}
          options={boolOptions}
          onChange={(v?: string) => list.setFilters({ townSeat: v === undefined ? undefined : v === 'true' })}
        />
        <SortControls
          sorts={SCHOOL_LIST.sorts}
          sort={state.sort}
          direction={state.direction}
          label={(sort) => t(`schools.sortField.${sort}`)}
          onSort={list.setSort}
          filtered={isFiltered(state)}
          onClear={() => {
            setSearch('');
            list.clearFilters();
          }}
        />
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <SchoolTable schools={page?.nodes ?? []} loading={loading} emptyText={t('common.empty')} />
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
