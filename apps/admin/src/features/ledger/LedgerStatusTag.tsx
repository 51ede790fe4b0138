import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RectificationStatus } from '../../gql/graphql';

const COLORS: Record<RectificationStatus, string> = {
  [RectificationStatus.Open]: 'default',
  [RectificationStatus.InProgress]: 'processing',
  [RectificationStatus.Done]: 'success',
};

/** A ledger item's status, and "overdue" beside it (derived by the server, never stored). */
export function LedgerStatusTag({
  status,
  overdue,
  testId,
}: {
  status: RectificationStatus;
  overdue: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
        {t(`enums.ledgerStatus.${status}`)}
      </Tag>
      {overdue && <Tag color="red">{t('ledger.overdue')}</Tag>}
    </Space>
  );
}
