import { useState, type ReactNode } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderDirection } from '../../gql/graphql';
import { SchoolPicker } from '../pickers/SchoolPicker';

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

/** The toolbar row above a table. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex wrap gap="small" style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
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

/** A list filter by school (searching as the user types). */
export function SchoolFilter(props: {
  testId: string;
  placeholder: string;
  value?: string;
  onChange: (id: string | undefined) => void;
}) {
  return (
    <SchoolPicker
      allowClear
      data-testid={props.testId}
      placeholder={props.placeholder}
      style={{ width: 200 }}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
