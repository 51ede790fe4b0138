import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { StaffingTable_StaffingIndicatorFragment as Row } from '../../gql/graphql';

export const StaffingTable_StaffingIndicatorFragment = graphql(`
  fragment StaffingTable_StaffingIndicator on StaffingIndicator {
    indicator
    stage
    value {
      share
    }
    baseline {
      share
      scope
    }
    meetsBaseline
  }
`);

const percent = (share: number | null | undefined) => (share == null ? null : `${(share * 100).toFixed(1)}%`);

/** A school's staffing shares against the urban baseline of its district and stage. */
export function StaffingTable(props: {
  staffing: readonly FragmentType<typeof StaffingTable_StaffingIndicatorFragment>[];
}) {
  const { t } = useTranslation();
  const rows = getFragmentData(StaffingTable_StaffingIndicatorFragment, props.staffing);
  const columns: ColumnsType<Row> = [
    { key: 'indicator', title: t('school.indicator'), render: (_, r) => t(`enums.indicator.${r.indicator}`) },
    {
      key: 'value',
      title: t('school.value'),
      align: 'right',
      render: (_, r) => percent(r.value.share) ?? t('school.noData'),
    },
    {
      key: 'baseline',
      title: t('school.baseline'),
      align: 'right',
      render: (_, r) =>
        `${percent(r.baseline.share) ?? t('school.noData')} (${t(`enums.baselineScope.${r.baseline.scope}`)})`,
    },
    {
      key: 'meets',
      title: t('school.meets'),
      render: (_, r) =>
        r.meetsBaseline == null ? (
          t('school.noData')
        ) : r.meetsBaseline ? (
          <Tag color="green">{t('common.yes')}</Tag>
        ) : (
          <Tag color="red">{t('common.no')}</Tag>
        ),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.indicator}-${r.stage}`}
      columns={columns}
      dataSource={rows as Row[]}
      pagination={false}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
