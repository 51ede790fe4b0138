import { useQuery } from '@apollo/client/react';
import { Card, Col, Empty, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { StaffingTags } from './StaffingTags';
import { TownGoals } from './TownGoals';

const SchoolsQuery = graphql(`
  query PortalSchools {
    schools(first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      nodes {
        id
        name
        stage
        locality
        isTownSeat
        studentCount
        town {
          id
          name
        }
        staffing {
          ...StaffingTags_Indicator
        }
        openItems: rectificationItems(filter: { status: OPEN }, first: 1) {
          totalCount
        }
        inProgress: rectificationItems(filter: { status: IN_PROGRESS }, first: 1) {
          totalCount
        }
        overdueItems: rectificationItems(filter: { overdue: true }, first: 1) {
          totalCount
        }
      }
    }
  }
`);

/**
 * The schools the viewer answers for, at a glance: for a group leader the lead school and
 * its partner schools (the server's scope), each with staffing against the urban baseline,
 * its ledger and its town's goal attainment.
 */
export function SchoolsPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(SchoolsQuery);
  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  const towns = [...new Map(data.schools.nodes.filter((s) => s.isTownSeat).map((s) => [s.town.id, s.town])).values()];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('schools.title')}{' '}
        <Typography.Text type="secondary" data-testid="school-count" data-count={data.schools.totalCount}>
          ({data.schools.totalCount})
        </Typography.Text>
      </Typography.Title>
      {data.schools.nodes.length === 0 && <Empty description={t('common.empty')} />}
      <Row gutter={[12, 12]}>
        {data.schools.nodes.map((school) => (
          <Col xs={24} md={12} xl={8} key={school.id}>
            <Card
              size="small"
              data-testid="school-card"
              data-school-id={school.id}
              title={<Link to={`/schools/${encodeURIComponent(school.id)}`}>{school.name}</Link>}
              extra={school.isTownSeat && <Tag color="gold">{t('schools.townSeat')}</Tag>}
            >
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">
                  {school.town.name} · {school.stage ? t(`enums.stage.${school.stage}`) : '—'} ·{' '}
                  {school.locality ? t(`enums.locality.${school.locality}`) : '—'} ·{' '}
                  {t('schools.students', { count: school.studentCount })}
                </Typography.Text>
                <StaffingTags indicators={school.staffing ?? []} />
                <Flex gap={6} wrap>
                  <Tag>{t('schools.ledgerOpen', { count: school.openItems.totalCount })}</Tag>
                  <Tag>{t('schools.ledgerInProgress', { count: school.inProgress.totalCount })}</Tag>
                  <Tooltip title={t('schools.overdueHint')}>
                    <Tag color={school.overdueItems.totalCount ? 'red' : 'green'} data-testid="overdue-count">
                      {t('schools.ledgerOverdue', { count: school.overdueItems.totalCount })}
                    </Tag>
                  </Tooltip>
                </Flex>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      {towns.length > 0 && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('schools.townGoals')}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {towns.map((town) => (
              <Col xs={24} md={12} xl={8} key={town.id}>
                <TownGoals townId={town.id} townName={town.name} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Flex>
  );
}
