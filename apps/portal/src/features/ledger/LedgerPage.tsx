import { useQuery } from '@apollo/client/react';
import { Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { LedgerList } from './LedgerList';

const LedgerQuery = graphql(`
  query PortalLedger($filter: RectificationItemFilter) {
    rectificationItems(filter: $filter, first: 100, orderBy: { field: DEADLINE, direction: ASC }) {
      totalCount
      nodes {
        ...LedgerList_Item
      }
    }
  }
`);

type Show = 'overdue' | 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'all';
const SHOWS: Show[] = ['overdue', 'OPEN', 'IN_PROGRESS', 'DONE', 'all'];

/** The ledger of the viewer's schools (the server scopes it), overdue first; the filter is in the URL. */
export function LedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show = (SHOWS.find((s) => s === params.get('show')) ?? 'all') as Show;
  const filter = show === 'all' ? {} : show === 'overdue' ? { overdue: true } : { status: show };
  const { data, error, refetch } = useQuery(LedgerQuery, { variables: { filter } });
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ledger.title')}
      </Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Show>
          value={show}
          onChange={(value) => setParams(value === 'all' ? {} : { show: value }, { replace: true })}
          options={SHOWS.map((value) => ({
            value,
            label:
              value === 'overdue'
                ? t('ledger.overdue')
                : value === 'all'
                  ? t('common.all')
                  : t(`enums.ledgerStatus.${value}`),
          }))}
        />
      </div>
      {error && <QueryState error={error} retry={() => void refetch()} />}
      {!data && !error && <QueryState loading />}
      {data && (
        <>
          <Typography.Text type="secondary" data-testid="ledger-total" data-count={data.rectificationItems.totalCount}>
            {t('ledger.total', { count: data.rectificationItems.totalCount })}
          </Typography.Text>
          <LedgerList items={data.rectificationItems.nodes} />
        </>
      )}
    </Flex>
  );
}
