import { useMutation, useQuery } from '@apollo/client/react';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExchangeConsentActions, ExchangeConsentTag, QueryState } from '@zhuji/client/ui';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { PortalExchange_Fields } from './exchange.fragment';

const ProposalsQuery = graphql(`
  query PortalExchangeProposals {
    teacherExchanges(
      filter: { consent: [PROPOSED, DECLINED] }
      first: 50
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      nodes {
        ...PortalExchange_Fields
      }
    }
  }
`);

const ProposalPermissions = graphql(`
  query PortalExchangeProposalPermissions($id: ID!) {
    canConfirm: viewerCan(action: EXCHANGE_CONFIRM, id: $id)
    canDecline: viewerCan(action: EXCHANGE_DECLINE, id: $id)
  }
`);

const ConfirmMutation = graphql(`
  mutation PortalConfirmExchange($id: ID!) {
    confirmTeacherExchange(id: $id) {
      id
      consent
    }
  }
`);

const DeclineMutation = graphql(`
  mutation PortalDeclineExchange($id: ID!, $comment: String!) {
    declineTeacherExchange(id: $id, comment: $comment) {
      id
      consent
      decisionComment
    }
  }
`);

/**
 * Exchanges another school proposed for one of the viewer's teachers (or the viewer proposed),
 * until the teacher's own school answers: 确认 / 拒绝 where the server says the viewer may.
 */
export function ExchangeProposals({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ProposalsQuery);
  const rows = data ? getFragmentData(PortalExchange_Fields, data.teacherExchanges.nodes) : [];
  // On the home page the card shows only when something awaits an answer or was declined.
  if (hideWhenEmpty && rows.length === 0) return null;
  return (
    <Card size="small" title={t('collaboration.proposals')} data-testid="exchange-proposals">
      {!data ? (
        <QueryState loading={loading} error={error} retry={() => void refetch()} />
      ) : (
        <List
          size="small"
          locale={{ emptyText: t('common.empty') }}
          dataSource={[...data.teacherExchanges.nodes]}
          renderItem={(node, i) => <Proposal exchange={node} key={rows[i]!.id} onDone={() => void refetch()} />}
        />
      )}
    </Card>
  );
}

function Proposal({ exchange, onDone }: { exchange: FragmentType<typeof PortalExchange_Fields>; onDone: () => void }) {
  const { t } = useTranslation();
  const e = getFragmentData(PortalExchange_Fields, exchange);
  // Only a proposal is answered; once answered, the cached permissions are stale.
  const open = e.consent === 'PROPOSED';
  const can = useQuery(ProposalPermissions, { variables: { id: e.id }, skip: !open, fetchPolicy: 'network-only' });
  const [confirm] = useMutation(ConfirmMutation);
  const [decline] = useMutation(DeclineMutation);
  return (
    <List.Item
      data-testid="exchange-proposal"
      data-exchange-id={e.id}
      actions={[
        <ExchangeConsentActions
          key="consent"
          canConfirm={open && (can.data?.canConfirm ?? false)}
          canDecline={open && (can.data?.canDecline ?? false)}
          confirm={() => confirm({ variables: { id: e.id } })}
          decline={(comment) => decline({ variables: { id: e.id, comment } })}
          onDone={onDone}
        />,
      ]}
    >
      <Flex vertical gap={2}>
        <Flex gap={6} wrap>
          <Typography.Text strong>{e.teacher.name}</Typography.Text>
          <Tag>{t(`enums.exchangeKind.${e.kind}`)}</Tag>
          <ExchangeConsentTag consent={e.consent} />
        </Flex>
        <Typography.Text type="secondary">
          {e.fromSchool.name} → {e.toSchool.name} · {e.startDate} – {e.endDate ?? '…'}
        </Typography.Text>
        {e.decisionComment && <Typography.Text type="secondary">{e.decisionComment}</Typography.Text>}
      </Flex>
    </List.Item>
  );
}
