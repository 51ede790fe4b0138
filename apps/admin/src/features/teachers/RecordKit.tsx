import { useState, type ComponentProps, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import type { ApolloCache, StoreObject } from '@apollo/client';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type ButtonProps,
  type FormInstance,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportButton, QueryState } from '@zhuji/client/ui';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import type { ExportQueryOptions } from '@zhuji/client/export-file';
import { ListPager } from '../../app/list/ListPager';
import type { ListControls } from '../../app/list/useListState';
import { isFiltered, type PageSize } from '../../app/list/list-params';
import { graphql } from '../../gql';
import { OrderDirection } from '../../gql/graphql';
import { formatDate } from '@zhuji/client/format';
import type { ErrorLike } from '@apollo/client';
import { errorMessage, graphQLErrors, type ServerFieldError } from '@zhuji/client/errors';

/**
 * Pieces the record screens (teachers, groups, trusteeships, exchanges, researchers) share:
 * a searching school picker, enum and yes/no filters, the sort controls, the export button
 * and date formatting.
 */

export function useFormatDate(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? formatDate(value, i18n.language) : '');
}

/** Today as the server's Date scalar, in local time (a bureau's working day). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const SchoolSearchQuery = graphql(`
  query RecordKitSchoolSearch($filter: SchoolFilter) {
    schools(filter: $filter, first: 20, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        town {
          id
          name
        }
      }
    }
  }
`);

/**
 * Picks a school by typing part of its name or code; the server searches within the viewer's
 * scope. `initial` labels the current value before any search has run.
 */
export function SchoolSelect(props: {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  initial?: { id: string; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(SchoolSearchQuery, {
    variables: { filter: search.trim() ? { search: search.trim() } : {} },
  });
  const found = (data ?? previousData)?.schools.nodes ?? [];
  const options = found.map((s) => ({ value: s.id, label: `${s.name}（${s.town.name}）` }));
  if (props.initial && !options.some((o) => o.value === props.initial!.id)) {
    options.unshift({ value: props.initial.id, label: props.initial.name });
  }
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={props.allowClear}
      disabled={props.disabled}
      loading={loading}
      placeholder={props.placeholder ?? t('teachers.kit.schoolPlaceholder')}
      style={props.style}
      value={props.value ?? undefined}
      options={options}
      onChange={(id?: string) => props.onChange?.(id)}
      notFoundContent={loading ? undefined : t('common.empty')}
    />
  );
}

/** A filter over an enum: labels come from `label(value)`. */
export function EnumFilter<V extends string>(props: {
  values: readonly V[];
  label: (value: V) => string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  placeholder: string;
  width?: number;
  testId: string;
}) {
  return (
    <Select
      allowClear
      data-testid={props.testId}
      placeholder={props.placeholder}
      style={{ width: props.width ?? 130 }}
      value={props.value}
      options={props.values.map((v) => ({ label: props.label(v), value: v }))}
      onChange={(v?: V) => props.onChange(v)}
    />
  );
}

/** A yes/no filter; cleared means either. `options` replaces the yes/no pair (e.g. a single "only these"). */
export function BooleanFilter(props: {
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
  placeholder: string;
  testId: string;
  width?: number;
  options?: { label: string; value: boolean }[];
}) {
  const { t } = useTranslation();
  const options = props.options ?? [
    { label: t('common.yes'), value: true },
    { label: t('common.no'), value: false },
  ];
  return (
    <Select
      allowClear
      data-testid={props.testId}
      placeholder={props.placeholder}
      style={{ width: props.width ?? 130 }}
      value={props.value === undefined ? undefined : String(props.value)}
      options={options.map((o) => ({ label: o.label, value: String(o.value) }))}
      onChange={(v?: string) => props.onChange(v === undefined ? undefined : v === 'true')}
    />
  );
}

/** Sort field and direction, then "clear filters" when any filter is set. */
export function SortControls<S extends string>(props: {
  sorts: readonly S[];
  sort: S;
  direction: OrderDirection;
  label: (sort: S) => string;
  onSort: (sort: S, direction: OrderDirection) => void;
  filtered: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        data-testid="sort"
        aria-label={t('list.sort')}
        style={{ width: 150 }}
        value={props.sort}
        options={props.sorts.map((s) => ({ label: props.label(s), value: s }))}
        onChange={(sort: S) => props.onSort(sort, props.direction)}
      />
      <Select
        data-testid="direction"
        style={{ width: 100 }}
        value={props.direction}
        options={Object.values(OrderDirection).map((d) => ({ label: t(`list.direction.${d}`), value: d }))}
        onChange={(direction: OrderDirection) => props.onSort(props.sort, direction)}
      />
      {props.filtered && (
        <Button type="link" onClick={props.onClear} data-testid="clear-filters">
          {t('list.clearFilters')}
        </Button>
      )}
    </>
  );
}

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
      void message.error(`${t('teachers.kit.exportFailed')}: ${(e as Error).message}`);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={running} data-testid="export">
      {t('teachers.kit.export')}
    </Button>
  );
}

/** The toolbar row above a table. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex wrap gap="small" style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

/**
 * China resident ID numbers (GB 11643-1999): the server's own rule (apps/server
 * teacher/id-number.ts), so a typo is caught before the round trip.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * WEIGHTS[i]!;
  return '10X98765432'[sum % 11] === value[17];
}

/**
 * Field errors of mutations whose fields are top-level arguments (`endGroupMembership(id,
 * leftOn)`: the server's path is `leftOn`, not `input.leftOn`), split as serverFieldErrors does.
 */
export function argumentErrors<F extends string>(
  error: ErrorLike,
  names: readonly F[],
  language: string,
): { fields: { name: F; errors: string[] }[]; other: string[] } {
  const zh = language.startsWith('zh');
  const fields: { name: F; errors: string[] }[] = [];
  const other: string[] = [];
  for (const e of graphQLErrors(error)) {
    const list = (e.extensions?.fields ?? []) as ServerFieldError[];
    const messageZh = typeof e.extensions?.messageZh === 'string' ? e.extensions.messageZh : undefined;
    if (list.length === 0) other.push(zh && messageZh ? messageZh : e.message);
    for (const f of list) {
      const text = zh && f.messageZh ? f.messageZh : f.message;
      const name = names.find((n) => n === f.path);
      if (name) fields.push({ name, errors: [text] });
      else other.push(zh && messageZh ? messageZh : text);
    }
  }
  if (fields.length === 0 && other.length === 0) other.push(error.message);
  return { fields, other };
}

/** The search box of a list: typed locally, applied on Enter; re-keyed from the URL so "clear" empties it. */
export function ListSearch(props: {
  value?: string;
  placeholder: string;
  onSearch: (value: string | undefined) => void;
  testId?: string;
}) {
  const [text, setText] = useState(props.value ?? '');
  return (
    <Input.Search
      allowClear
      data-testid={props.testId ?? 'search'}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => props.onSearch(value.trim() || undefined)}
      style={{ width: 200 }}
    />
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
          {t('teachers.edit')}
        </Button>
      )}
      {props.canDelete && (
        <Popconfirm
          title={props.deleteConfirm}
          okText={t('teachers.delete')}
          okButtonProps={{ danger: true, loading: props.deleting, 'data-testid': 'confirm-delete' } as ButtonProps}
          cancelText={t('teachers.kit.cancel')}
          onConfirm={props.onDelete}
        >
          <Button danger data-testid="delete">
            {t('teachers.delete')}
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
      void message.success(t('teachers.deleted'));
      void navigate(listPath);
    } catch (e) {
      void message.error(errorMessage(e as ErrorLike, i18n.language));
    }
  };
}

/** A list filter by school (searching as the user types). */
export function SchoolFilter(props: {
  testId: string;
  placeholder: string;
  value?: string;
  onChange: (id: string | undefined) => void;
}) {
  return (
    <SchoolSelect
      allowClear
      data-testid={props.testId}
      placeholder={props.placeholder}
      style={{ width: 200 }}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/**
 * Ends a period (a membership, a trusteeship, an exchange, an assignment) on its last day:
 * a confirm that says the end stays as history, with the day checked against the period's
 * start before the server is asked. `end` runs the mutation; its field errors for `field`
 * (a top-level argument) land under the date.
 */
export function EndPeriodModal(props: {
  title: string;
  hint: string;
  okText: string;
  label: string;
  field: string;
  notBefore: string;
  notBeforeMessage: string;
  successText: string;
  end: (day: string) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  const save = async (values: Record<string, string>) => {
    setOtherErrors([]);
    setSaving(true);
    try {
      await props.end(values[props.field]!);
      void message.success(props.successText);
      props.onSaved();
      props.onClose();
    } catch (e) {
      const { fields, other } = argumentErrors(e as ErrorLike, [props.field], i18n.language);
      form.setFields(fields);
      setOtherErrors(other);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('teachers.kit.cancel')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'confirm-end' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.hint} />
      <FormErrors errors={otherErrors} />
      <Form form={form} layout="vertical" initialValues={{ [props.field]: today() }} onFinish={(v) => void save(v)}>
        <Form.Item
          name={props.field}
          label={props.label}
          rules={[
            { required: true, message: t('teachers.rule.required') },
            {
              validator: (_, v: string) =>
                !v || v >= props.notBefore ? Promise.resolve() : Promise.reject(new Error(props.notBeforeMessage)),
            },
          ]}
        >
          <Input type="date" data-testid="end-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The server's errors that belong to no field, above the form. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errors.join('；')} />;
}

/**
 * Saving a form: runs the mutation(s), and on failure puts the server's field errors under
 * their fields and the rest above the form.
 */
export function useFormSave(form: FormInstance, fields: readonly string[]) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setErrors([]);
    setSaving(true);
    try {
      await action();
    } catch (e) {
      const { fields: byField, other } = serverFieldErrors(e as ErrorLike, fields, i18n.language);
      form.setFields(byField);
      setErrors(other.length || byField.length ? other : [t('teachers.saveFailed')]);
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, run };
}

/** A form in a modal: Save submits it (validated first), server errors above the fields. */
export function FormModal<V>(props: {
  title: string;
  form: FormInstance<V>;
  saving: boolean;
  errors: string[];
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  onValuesChange?: (changed: Partial<V>) => void;
  onClose: () => void;
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={props.width ?? 620}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('teachers.kit.cancel')}
      okButtonProps={{ 'data-testid': 'save', loading: props.saving } as ButtonProps}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<V>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={props.onFinish}
        onValuesChange={props.onValuesChange}
        data-testid={props.testId}
      >
        <FormErrors errors={props.errors} />
        {props.children}
      </Form>
    </Modal>
  );
}

/** The export button of a record list (the shared ExportButton, findable by tests as `export`). */
export function RecordExport(props: ExportQueryOptions) {
  return (
    <span data-testid="export">
      <ExportButton {...props} />
    </span>
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
