import { useDeferredValue, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';

const SchoolPickerQuery = graphql(`
  query SchoolPicker($search: String, $districtId: ID) {
    schools(filter: { search: $search, districtId: $districtId }, first: 20) {
      nodes {
        id
        name
        code
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
 */
export function SchoolPicker(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  districtId?: string;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const { data, loading } = useQuery(SchoolPickerQuery, {
    variables: { search: deferred.trim() || undefined, districtId: props.districtId },
  });
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value}
      onChange={(id?: string) => props.onChange?.(id)}
      placeholder={props.placeholder ?? t('pickers.school')}
      loading={loading}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
      options={data?.schools.nodes.map((s) => ({
        value: s.id,
        label: `${s.name}（${s.district.name}）`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
