import { useDeferredValue, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';

const SchoolPickerQuery = graphql(`
  query SchoolPicker($search: String, $districtId: ID) {
    schools(filter: { search: $search, districtId: $districtId }, first: 20, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
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

/**
 * Picks a school by typing part of its name or code: the server searches (trigram index)
 * within what the viewer may see, 20 at a time, so a city of 2,700 schools never loads whole.
 * `initial` labels the current value before any search has run (an edit form's school).
 */
export function SchoolPicker(props: {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  initial?: { id: string; name: string } | null;
  districtId?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const { data, previousData, loading } = useQuery(SchoolPickerQuery, {
    variables: { search: deferred.trim() || undefined, districtId: props.districtId },
  });
  const found = (data ?? previousData)?.schools.nodes ?? [];
  const options = found.map((s) => ({
    value: s.id,
    label: t('records.withNote', { name: s.name, note: `${s.district.name}·${s.town.name}` }),
  }));
  if (props.initial && !options.some((o) => o.value === props.initial!.id)) {
    options.unshift({ value: props.initial.id, label: props.initial.name });
  }
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      value={props.value ?? undefined}
      onChange={(id?: string) => props.onChange?.(id)}
      placeholder={props.placeholder ?? t('pickers.school')}
      loading={loading}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
      options={options}
      style={props.style ?? { width: '100%' }}
    />
  );
}
