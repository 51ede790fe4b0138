import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Breadcrumb, Button, Card, Descriptions, Result, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { ExchangeConsentActions, ExchangeConsentTag, QueryState, useToday } from '@zhuji/client/ui';
import { AuditTrail } from '../audit/AuditTrail';
import { RecordActions, useDeleteAndLeave } from '../../app/records/RecordListCard';
import { useFormatDate } from '../../app/records/format';
import { EndPeriodModal } from '../../app/records/forms';
import { ExchangeFormModal } from './ExchangeForm';
import { ExchangeStatusTag } from './ExchangeListPage';

const ExchangeDetailQuery = graphql(`
  query ExchangeDetailPage($id: ID!) {
    teacherExchange(id: $id) {
      id
      kind
      startDate
      endDate
      consent
      decidedAt
      decisionComment
      teacher {
        id
        name
        staffNumber
      }
      fromSchool {
        id
        name
      }
      toSchool {
        id
        name
      }
      ...ExchangeForm_Exchange
    }
    canUpdate: viewerCan(action: EXCHANGE_UPDATE, id: $id)
    canEnd: viewerCan(action: EXCHANGE_END, id: $id)
    canDelete: viewerCan(action: EXCHANGE_DELETE, id: $id)
    canConfirm: viewerCan(action: EXCHANGE_CONFIRM, id: $id)
    canDecline: viewerCan(action: EXCHANGE_DECLINE, id: $id)
  }
`);

const ConfirmExchangeMutation = graphql(`
  mutation ExchangeDetailConfirm($id: ID!) {
    confirmTeacherExchange(id: $id) {
      id
      consent
      decidedAt
    }
  }
`);

const DeclineExchangeMutation = graphql(`
  mutation ExchangeDetailDecline($id: ID!, $comment: String!) {
    declineTeacherExchange(id: $id, comment: $comment) {
      id
      consent
      decidedAt
      decisionComment
    }
  }
`);

const EndExchangeMutation = graphql(`
  mutation ExchangeDetailEnd($id: ID!, $endDate: Date!) {
    endTeacherExchange(id: $id, endDate: $endDate) {
      id
      endDate
    }
  }
`);

const DeleteExchangeMutation = graphql(`
  mutation ExchangeDetailDelete($id: ID!) {
    deleteTeacherExchange(id: $id)
  }
`);

export function ExchangeDetailPage() {
  const { t } = useTranslation();
  const today = useToday();
  const date = useFormatDate();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ExchangeDetailQuery, { variables: { id } });
  const [end] = useMutation(EndExchangeMutation);
  const [remove, removing] = useMutation(DeleteExchangeMutation);
  const [confirm] = useMutation(ConfirmExchangeMutation);
  const [decline] = useMutation(DeclineExchangeMutation);
  const leave = useDeleteAndLeave('teacherExchanges', '/exchanges');
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const exchange = data.teacherExchange;
  if (!exchange)
    return (
      <Result status="404" title={t('exchanges.notFound')} extra={<Link to="/exchanges">{t('common.back')}</Link>} />
    );
  const school = (s: { id: string; name: string }) => <Link to={`/schools/${encodeURIComponent(s.id)}`}>{s.name}</Link>;
  const ongoing = !exchange.endDate || exchange.endDate >= today;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/exchanges">{t('exchanges.title')}</Link> },
          {
            title: (
              <span data-testid="record-name">
                {exchange.teacher.name} · {t(`teachers.enum.exchangeKind.${exchange.kind}`)}
              </span>
            ),
          },
        ]}
      />
      <Card
        title={t('exchanges.basics')}
        extra={
          <RecordActions
            canEdit={data.canUpdate}
            onEdit={() => setEditing(true)}
            canDelete={data.canDelete}
            deleteConfirm={t('exchanges.deleteConfirm')}
            onDelete={() => leave((update) => remove({ variables: { id: exchange.id }, update }), exchange)}
            deleting={removing.loading}
            extra={
              <>
                <ExchangeConsentActions
                  canConfirm={data.canConfirm}
                  canDecline={data.canDecline}
                  confirm={() => confirm({ variables: { id: exchange.id } })}
                  decline={(comment) => decline({ variables: { id: exchange.id, comment } })}
                  onDone={() => void refetch()}
                />
                {data.canEnd && ongoing && (
                  <Button danger onClick={() => setEnding(true)} data-testid="end">
                    {t('exchanges.end')}
                  </Button>
                )}
              </>
            }
          />
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'teacher',
              label: t('exchanges.field.teacher'),
              children: (
                <Link to={`/teachers/${encodeURIComponent(exchange.teacher.id)}`}>
                  {t('records.withNote', { name: exchange.teacher.name, note: exchange.teacher.staffNumber })}
                </Link>
              ),
            },
            {
              key: 'kind',
              label: t('exchanges.field.kind'),
              children: t(`teachers.enum.exchangeKind.${exchange.kind}`),
            },
            {
              key: 'status',
              label: t('exchanges.status'),
              children: <ExchangeStatusTag startDate={exchange.startDate} endDate={exchange.endDate} />,
            },
            {
              key: 'consent',
              label: t('exchangeConsent.label'),
              children: <ExchangeConsentTag consent={exchange.consent} />,
            },
            ...(exchange.decisionComment
              ? [{ key: 'comment', label: t('exchangeConsent.decisionComment'), children: exchange.decisionComment }]
              : []),
            { key: 'from', label: t('exchanges.field.fromSchool'), children: school(exchange.fromSchool) },
            { key: 'to', label: t('exchanges.field.toSchool'), children: school(exchange.toSchool) },
            {
              key: 'period',
              label: `${t('exchanges.field.startDate')} – ${t('exchanges.field.endDate')}`,
              children: `${date(exchange.startDate)} – ${date(exchange.endDate) || '…'}`,
            },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[{ key: 'audit', label: t('exchanges.audit'), children: <AuditTrail recordId={exchange.id} /> }]}
        />
      </Card>
      {editing && (
        <ExchangeFormModal exchange={exchange} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
      )}
      {ending && (
        <EndPeriodModal
          title={t('exchanges.end')}
          hint={t('exchanges.endConfirm')}
          okText={t('exchanges.end')}
          label={t('exchanges.field.endDate')}
          field="endDate"
          notBefore={exchange.startDate}
          notBeforeMessage={t('exchanges.rule.endBeforeStart')}
          successText={t('exchanges.ended')}
          end={(endDate) => end({ variables: { id: exchange.id, endDate } })}
          onClose={() => setEnding(false)}
          onSaved={() => void refetch()}
        />
      )}
    </Space>
  );
}
