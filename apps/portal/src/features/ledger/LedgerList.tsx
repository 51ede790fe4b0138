import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const LedgerList_Item = graphql(`
  fragment LedgerList_Item on RectificationItem {
    id
    problem
    standardItem
    status
    deadline
    overdue
    owner
    school {
      id
      name
    }
  }
`);

const STATUS_COLOR = { OPEN: 'default', IN_PROGRESS: 'processing', DONE: 'success' } as const;

/** Ledger items as a phone-friendly list: problem, school, deadline (red when overdue), status. */
export function LedgerList({ items }: { items: readonly FragmentType<typeof LedgerList_Item>[] }) {
  const { t } = useTranslation();
  const rows = getFragmentData(LedgerList_Item, items);
  return (
    <List
      size="small"
      data-testid="ledger-list"
      locale={{ emptyText: t('common.empty') }}
      dataSource={[...rows]}
      renderItem={(item) => (
        <List.Item data-testid="ledger-item" data-status={item.status} data-overdue={item.overdue}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex gap={6} wrap align="center">
              <Tag color={STATUS_COLOR[item.status]}>{t(`enums.ledgerStatus.${item.status}`)}</Tag>
              {item.overdue && <Tag color="red">{t('ledger.overdue')}</Tag>}
              <Link to={`/ledger/${encodeURIComponent(item.id)}`}>{item.problem}</Link>
            </Flex>
            <Typography.Text type="secondary">
              {item.school.name} · {t(`enums.standardItem.${item.standardItem}`)} · {t('ledger.deadline')}{' '}
              {item.deadline} · {item.owner}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
