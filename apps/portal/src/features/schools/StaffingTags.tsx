import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const StaffingTags_Indicator = graphql(`
  fragment StaffingTags_Indicator on StaffingIndicator {
    indicator
    stage
    meetsBaseline
    value {
      share
      count
      fullTimeTeachers
    }
    baseline {
      share
      scope
    }
  }
`);

const pct = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);

/** Each staffing share beside the urban baseline it is measured against: green when not below. */
export function StaffingTags({ indicators }: { indicators: readonly FragmentType<typeof StaffingTags_Indicator>[] }) {
  const { t } = useTranslation();
  const rows = getFragmentData(StaffingTags_Indicator, indicators);
  return (
    <Flex gap={6} wrap data-testid="staffing">
      {rows.map((row) => (
        <Tooltip
          key={`${row.indicator}-${row.stage}`}
          title={t('schools.staffingHint', {
            count: row.value.count,
            total: row.value.fullTimeTeachers,
            scope: t(`enums.baselineScope.${row.baseline.scope}`),
          })}
        >
          <Tag color={row.meetsBaseline == null ? 'default' : row.meetsBaseline ? 'green' : 'red'}>
            {t(`enums.indicator.${row.indicator}`)} {pct(row.value.share)} / {pct(row.baseline.share)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
