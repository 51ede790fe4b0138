import { useState, type ComponentProps, type ReactNode } from 'react';
import type { ApolloCache, ErrorLike, StoreObject } from '@apollo/client';
import { App, Button, Card, Popconfirm, Space, Table, type ButtonProps, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '@zhuji/client/errors';
import { QueryState } from '@zhuji/client/ui';
import { ListPager } from '../list/ListPager';
import type { ListControls } from '../list/useListState';
import { isFiltered, type PageSize } from '../list/list-params';
import type { OrderDirection } from '../../gql/graphql';
import { FilterBar, SortControls } from './filters';

/**
 * The frame the record screens (teachers, groups, trusteeships, exchanges, researchers)
 * share: the list card with its filters, sort, table, pager and export, and a detail page's
 * edit/delete actions.
 */

/** The export button of a table: downloads what the table shows, every page of it. */
export function ExportTableButton(props: { run: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      await props.run();
    } catch (e) {
      void message.error(`${t('common.exportFailed')}: ${(e as Error).message}`);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={running} data-testid="export">
      {t('common.export')}
    </Button>
  );
}

/** A record list's table: one page of rows, each row carrying its id as `rowAttribute` for tests. */
export function RecordTable<Row extends { id: string }>(props: {
  testId: string;
  rowAttribute: string;
  rows: readonly Row[];
  loading: boolean;
  columns: NonNullable<TableProps<Row>['columns']>;
}) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      data-testid={props.testId}
      rowKey="id"
      size="middle"
      loading={props.loading}
      pagination={false}
      dataSource={props.rows as Row[]}
      locale={{ emptyText: t('common.empty') }}
      onRow={(r) => ({ [props.rowAttribute]: r.id }) as React.HTMLAttributes<HTMLElement>}
      columns={props.columns}
    />
  );
}

/**
 * The frame of every record list: title, "new" (when the server allows it) and export above,
 * the filters then the sort controls, the table (or the query's error) and the pager, and
 * any modals. `list` is the page's useListState.
 */
export function RecordListCard<S extends string>(props: {
  title: string;
  create?: { allowed: boolean; label: string; onClick: () => void };
  exporter: ReactNode;
  filters: ReactNode;
  list: {
    state: { sort: S; direction: OrderDirection; size: PageSize; filters: object };
    setSort: (sort: S, direction?: OrderDirection) => void;
    clearFilters: () => void;
  } & Pick<ListControls, 'setSize' | 'next' | 'previous'>;
  sorts: readonly S[];
  sortLabel: (sort: S) => string;
  result: { error?: ErrorLike; retry: () => void; page: ComponentProps<typeof ListPager>['page']; loading: boolean };
  table: ReactNode;
  children?: ReactNode;
}) {
  const { list, result } = props;
  return (
    <Card
      title={props.title}
      extra={
        <Space>
          {props.create?.allowed && (
            <Button type="primary" onClick={props.create.onClick} data-testid="create">
              {props.create.label}
            </Button>
          )}
          {props.exporter}
        </Space>
      }
    >
      <FilterBar>
        {props.filters}
        <SortControls<S>
          sorts={props.sorts}
          sort={list.state.sort}
          direction={list.state.direction}
          label={props.sortLabel}
          onSort={list.setSort}
          filtered={isFiltered(list.state)}
          onClear={list.clearFilters}
        />
      </FilterBar>
      <ListBody
        error={result.error}
        retry={result.retry}
        page={result.page}
        loading={result.loading}
        list={list}
        table={props.table}
      />
      {props.children}
    </Card>
  );
}

/** Below the filters: the error (with retry) or the table, then the list kit's pager. */
export function ListBody(props: {
  error?: ErrorLike;
  retry: () => void;
  table: ReactNode;
  page: ComponentProps<typeof ListPager>['page'];
  loading: boolean;
  list: Pick<ListControls, 'setSize' | 'next' | 'previous'> & { state: { size: PageSize } };
}) {
  const { list } = props;
  return (
    <>
      {props.error ? <QueryState error={props.error} retry={props.retry} /> : props.table}
      <ListPager
        page={props.page}
        loading={props.loading}
        size={list.state.size}
        onSize={list.setSize}
        onNext={list.next}
        onPrevious={list.previous}
      />
    </>
  );
}

/**
 * A detail page's edit and delete buttons, each shown only when the server says so; delete
 * asks first, naming what goes.
 */
export function RecordActions(props: {
  canEdit: boolean;
  onEdit: () => void;
  canDelete?: boolean;
  deleteConfirm?: string;
  onDelete?: () => Promise<void>;
  deleting?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      {props.extra}
      {props.canEdit && (
        <Button type="primary" onClick={props.onEdit} data-testid="edit">
          {t('common.edit')}
        </Button>
      )}
      {props.canDelete && (
        <Popconfirm
          title={props.deleteConfirm}
          okText={t('common.delete')}
          okButtonProps={{ danger: true, loading: props.deleting, 'data-testid': 'confirm-delete' } as ButtonProps}
          cancelText={t('common.cancel')}
          onConfirm={props.onDelete}
        >
          <Button danger data-testid="delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/**
 * Runs a delete mutation's call, drops the record and its list from the cache, and goes
 * back to the list; the server's refusal (e.g. a group with history) is shown as it says it.
 */
export function useDeleteAndLeave(listField: string, listPath: string) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return async (
    run: (update: (cache: ApolloCache) => void) => Promise<unknown>,
    record: { id: string; __typename?: string },
  ) => {
    try {
      await run((cache) => {
        cache.evict({ id: cache.identify(record as StoreObject) });
        cache.evict({ fieldName: listField });
        cache.gc();
      });
      void message.success(t('common.deleted'));
      void navigate(listPath);
    } catch (e) {
      void message.error(errorMessage(e as ErrorLike, i18n.language));
    }
  };
}
