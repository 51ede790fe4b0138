import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';

const DistrictPickerQuery = graphql(`
  query DistrictPicker {
    districts(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** The districts the viewer may see (all 12 for the city, their own for a district). */
export function DistrictPicker(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(DistrictPickerQuery, { fetchPolicy: 'cache-first' });
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      allowClear
      value={props.value}
      onChange={(id?: string) => props.onChange?.(id)}
      placeholder={props.placeholder ?? t('pickers.district')}
      loading={loading}
      options={data?.districts.nodes.map((d) => ({ value: d.id, label: d.name }))}
      style={props.style ?? { width: '100%' }}
    />
  );
}
