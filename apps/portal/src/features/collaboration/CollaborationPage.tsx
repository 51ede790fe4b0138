import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApprovalTag, QueryState, useToday } from '@zhuji/client/ui';
import { getFragmentData, graphql } from '../../gql';
import { PortalExchange_Fields } from './exchange.fragment';
import { ExchangeProposals } from './ExchangeProposals';
import { useViewer } from '../../app/viewer';

const CollaborationQuery = graphql(`
  query PortalCollaboration($today: Date!, $leadSchoolId: ID) {
    # Whether the viewer records activities at all; the form asks again for the trusteeship chosen.
    canRecord: viewerCan(action: TRUSTEESHIP_RECORD_ACTIVITY)
    trusteeships(filter: { leadSchoolId: $leadSchoolId }, first: 50, orderBy: { field: START_DATE, direction: DESC }) {
      nodes {
        id
        mode
        status
        approval
        startDate
        plannedEndDate
        actualEndDate
        measures
        partnerSchool {
          id
          name
        }
        # The latest five (activities come oldest first), shown newest first.
        activities(last: 5) {
          totalCount
          nodes {
            id
            heldOn
            measure
            description
          }
        }
      }
    }
    collaborationGroups(filter: { leadSchoolId: $leadSchoolId }, first: 10) {
      nodes {
        id
        name
        kind
        members(first: 100) {
          nodes {
            id
            role
            joinedOn
            leftOn
            approval
            school {
              id
              name
            }
          }
        }
      }
    }
    teacherExchanges(filter: { activeOn: $today }, first: 100, orderBy: { field: START_DATE, direction: DESC }) {
      nodes {
        ...PortalExchange_Fields
      }
    }
  }
`);

/**
 * A group leader's collaboration: trusteeships of their lead school with the measures carried
 * out, the group's membership changes, and the teacher exchanges into and out of its schools.
 */
export function CollaborationPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const lead = viewer.schoolsOf('GROUP_LEADER')[0];
  const today = useToday();
  const { data, error, refetch } = useQuery(CollaborationQuery, {
    skip: !viewer.me,
    variables: { today, leadSchoolId: lead?.id },
  });
  if (error || viewer.error) return <QueryState error={error ?? viewer.error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;

  const changes = data.collaborationGroups.nodes
    .flatMap((g) =>
      g.members.nodes.flatMap((m) => [
        { key: `${m.id}-in`, day: m.joinedOn, kind: 'joined' as const, group: g.name, member: m },
        ...(m.leftOn ? [{ key: `${m.id}-out`, day: m.leftOn, kind: 'left' as const, group: g.name, member: m }] : []),
      ]),
    )
    .sort((a, b) => b.day.localeCompare(a.day));

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('collaboration.title')} {lead && <Typography.Text type="secondary">{lead.name}</Typography.Text>}
      </Typography.Title>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('collaboration.trusteeships')}
        </Typography.Title>
        {data.canRecord && data.trusteeships.nodes.length > 0 && (
          <Link to="/collaboration/activity" data-testid="record-activity">
            <Button type="primary">{t('collaboration.recordActivity')}</Button>
          </Link>
        )}
      </Flex>
      {data.trusteeships.nodes.length === 0 && <Empty description={t('common.empty')} />}
      <Row gutter={[12, 12]}>
        {data.trusteeships.nodes.map((tr) => (
          <Col xs={24} md={12} key={tr.id}>
            <Card
              size="small"
              data-testid="trusteeship"
              title={
                tr.partnerSchool ? (
                  <Link to={`/schools/${encodeURIComponent(tr.partnerSchool.id)}`}>{tr.partnerSchool.name}</Link>
                ) : (
                  '—'
                )
              }
              extra={
                <Flex gap={4}>
                  {tr.approval !== 'APPROVED' && <ApprovalTag approval={tr.approval} />}
                  <Tag color={tr.status === 'ACTIVE' ? 'green' : 'default'}>
                    {t(`enums.trusteeshipStatus.${tr.status}`)}
                  </Tag>
                </Flex>
              }
            >
              <Flex vertical gap={6}>
                {tr.approval === 'PENDING' && (
                  <Typography.Text type="warning" data-testid="pending-hint">
                    {t('approval.pendingHint')}
                  </Typography.Text>
                )}
                <Typography.Text>
                  {t(`enums.trusteeshipMode.${tr.mode}`)} · {tr.startDate} –{' '}
                  {tr.actualEndDate ?? tr.plannedEndDate ?? '…'}
                </Typography.Text>
                <Flex gap={4} wrap>
                  {tr.measures.map((m) => (
                    <Tag key={m} color="blue">
                      {t(`enums.measure.${m}`)}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text type="secondary">
                  {t('collaboration.activities', { count: tr.activities.totalCount })}
                </Typography.Text>
                {[...tr.activities.nodes].reverse().map((a) => (
                  <Typography.Text key={a.id} style={{ fontSize: 13 }} data-testid="activity">
                    {a.heldOn} · {t(`enums.measure.${a.measure}`)} · {a.description}
                  </Typography.Text>
                ))}
                {data.canRecord && tr.approval === 'APPROVED' && (
                  <Link
                    to={`/collaboration/activity?trusteeship=${encodeURIComponent(tr.id)}`}
                    data-testid="trusteeship-record-activity"
                  >
                    + {t('collaboration.recordActivity')}
                  </Link>
                )}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('collaboration.membership')}>
            <List
              size="small"
              locale={{ emptyText: t('common.empty') }}
              dataSource={changes}
              renderItem={(c) => (
                <List.Item>
                  <Flex gap={6} wrap>
                    <Typography.Text type="secondary">{c.day}</Typography.Text>
                    <Tag color={c.kind === 'joined' ? 'green' : 'orange'}>{t(`collaboration.${c.kind}`)}</Tag>
                    <Typography.Text>{c.member.school?.name ?? '—'}</Typography.Text>
                    <Tag>{t(`enums.memberRole.${c.member.role}`)}</Tag>
                    {c.member.approval !== 'APPROVED' && <ApprovalTag approval={c.member.approval} />}
                    <Typography.Text type="secondary">{c.group}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('collaboration.exchanges')}>
            <List
              size="small"
              locale={{ emptyText: t('common.empty') }}
              dataSource={[...getFragmentData(PortalExchange_Fields, data.teacherExchanges.nodes)]}
              renderItem={(e) => (
                <List.Item data-testid="exchange">
                  <Flex vertical gap={2}>
                    <Flex gap={6} wrap>
                      <Typography.Text strong>{e.teacher.name}</Typography.Text>
                      <Tag>{t(`enums.exchangeKind.${e.kind}`)}</Tag>
                    </Flex>
                    <Typography.Text type="secondary">
                      {e.fromSchool.name} → {e.toSchool.name} · {e.startDate} – {e.endDate ?? '…'}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <ExchangeProposals />
        </Col>
      </Row>
    </Flex>
  );
}
