import { useQuery } from '@apollo/client/react';
import { Card, Col, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { getFragmentData, graphql } from '../../gql';
import { PortalExchange_Fields } from '../collaboration/exchange.fragment';
import { ExchangeProposals } from '../collaboration/ExchangeProposals';
import { useViewer } from '../../app/viewer';
import { addDays, daysBetween, monthsBefore, SOON_DAYS } from '@zhuji/client/days';
import { attentionItems, type AttentionItem } from './attention';

const HomeQuery = graphql(`
  query PortalHome($today: Date!, $from: Date!, $schoolIds: [ID!]!, $withPlans: Boolean!, $townId: ID) {
    overdue: rectificationItems(filter: { overdue: true }, first: 5, orderBy: { field: DEADLINE, direction: ASC }) {
      totalCount
      nodes {
        id
        problem
        deadline
        school {
          id
          name
        }
      }
    }
    openLedger: rectificationItems(filter: { status: OPEN }, first: 1) {
      totalCount
    }
    exchanges: teacherExchanges(filter: { activeOn: $today }, first: 100) {
      totalCount
      nodes {
        ...PortalExchange_Fields
      }
    }
    plans: townPlans(filter: { townId: $townId }, first: 10, orderBy: { field: YEAR, direction: DESC })
      @include(if: $withPlans) {
      nodes {
        id
        year
        state
        dueDate
        town {
          id
          name
        }
        transitions {
          at
          toState
          comment
        }
      }
    }
    schools: nodes(ids: $schoolIds) {
      __typename
      ... on School {
        id
        name
        researcherAssignments(activeOn: $today, first: 20) {
          nodes {
            id
            missingMonths(from: $from, to: $today)
            dueMonth
            researcher {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/**
 * Home by role: what the viewer answers for, and what needs attention now (a returned or due
 * plan, overdue ledger items, months without joint research, exchanges ending soon), each
 * linking to where it is dealt with.
 */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const today = useToday();
  const staffSchools = viewer.schoolsOf('SCHOOL_STAFF');
  const researchSchools = viewer.schoolsOf('RESEARCHER');
  const leadSchools = viewer.schoolsOf('GROUP_LEADER');
  const schoolIds = [...new Set([...staffSchools, ...researchSchools].map((s) => s.id))];
  const townId = staffSchools[0]?.town.id;
  const { data, loading, error, refetch } = useQuery(HomeQuery, {
    skip: !viewer.me,
    variables: { today, from: monthsBefore(today, 11), schoolIds, withPlans: !!townId, townId },
  });

  if (viewer.error || error)
    return (
      <QueryState error={viewer.error ?? error} retry={() => void (viewer.error ? viewer.refetch() : refetch())} />
    );
  if (!data) return <QueryState loading />;

  const items: AttentionItem[] = attentionItems(
    {
      today,
      year: Number(today.slice(0, 4)),
      overdue: data.overdue.nodes,
      exchanges: getFragmentData(PortalExchange_Fields, data.exchanges.nodes),
      plans: data.plans?.nodes ?? [],
      assignments: data.schools.flatMap((s) =>
        s?.__typename === 'School'
          ? s.researcherAssignments.nodes.map((a) => ({ ...a, school: { id: s.id, name: s.name } }))
          : [],
      ),
      researcher: viewer.roles.includes('RESEARCHER'),
    },
    SOON_DAYS,
  );

  const responsible = [
    ...leadSchools.map((s) => ({ role: 'GROUP_LEADER' as const, school: s })),
    ...staffSchools.map((s) => ({ role: 'SCHOOL_STAFF' as const, school: s })),
    ...researchSchools.map((s) => ({ role: 'RESEARCHER' as const, school: s })),
  ];

  return (
    <Flex vertical gap={16} data-testid="home" data-loading={loading}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.greeting', { name: viewer.me?.displayName ?? '' })}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('home.attention')} value={items.length} data-testid="attention-count" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('home.overdueItems')} value={data.overdue.totalCount} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('home.openItems')} value={data.openLedger.totalCount} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('home.activeExchanges')} value={data.exchanges.totalCount} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('home.needsAttention')}>
        {items.length === 0 ? (
          <Empty description={t('home.nothingDue')} />
        ) : (
          <List
            dataSource={items}
            data-testid="attention"
            renderItem={(item) => (
              <List.Item data-testid="attention-item" data-kind={item.kind} data-month={item.params.month}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex gap={8} align="center" wrap>
                    <Tag color={item.severity === 'high' ? 'red' : 'orange'}>{t(`home.kind.${item.kind}`)}</Tag>
                    <Link to={item.link}>{t(`home.text.${item.kind}`, item.params)}</Link>
                  </Flex>
                  {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <ExchangeProposals hideWhenEmpty />
      <Card size="small" title={t('home.responsibleFor')}>
        <List
          dataSource={responsible}
          renderItem={({ role, school }) => (
            <List.Item>
              <Flex gap={8} wrap align="center">
                <Tag color="blue">{t(`roles.${role}`)}</Tag>
                <Link to={`/schools/${encodeURIComponent(school.id)}`}>{school.name}</Link>
                <Typography.Text type="secondary">{school.town.name}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Typography.Text type="secondary">
        {t('home.asOf', {
          today,
          soon: addDays(today, SOON_DAYS),
          days: daysBetween(today, addDays(today, SOON_DAYS)),
        })}
      </Typography.Text>
    </Flex>
  );
}
