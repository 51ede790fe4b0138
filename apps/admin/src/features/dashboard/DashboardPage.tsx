import { useQuery } from '@apollo/client/react';
import { Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { DashboardPageQuery } from '../../gql/graphql';
import { QueryState } from '@zhuji/client/ui';

export const PERIOD = '2026';

const DashboardQuery = graphql(`
  query DashboardPage($period: String!) {
    programmeSummary(period: $period) {
      period
      target
      shareMeetingAll
      meetsTarget
      townCount
      townsMeetingAll
      districts {
        district {
          id
          name
        }
        townCount
        townsMeetingAll
        shareMeetingAll
      }
      goals {
        goal
        townsMeeting
        share
      }
    }
  }
`);

type Summary = DashboardPageQuery['programmeSummary'];
const percent = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);

export function DashboardPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DashboardQuery, { variables: { period: PERIOD } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const summary = data.programmeSummary;
  const share = summary.shareMeetingAll ?? 0;
  return (
    <>
      <Typography.Title level={3}>{t('dashboard.title', { period: summary.period })}</Typography.Title>
      <Row gutter={16}>
        <Col span={10}>
          <Card data-testid="headline">
            <Statistic title={t('dashboard.shareMeetingAll')} value={percent(summary.shareMeetingAll)} />
            <Progress
              percent={Math.round(share * 1000) / 10}
              success={{ percent: Math.round(share * 1000) / 10 }}
              steps={undefined}
              status={summary.meetsTarget ? 'success' : 'normal'}
              format={() => t('dashboard.target', { target: percent(summary.target) })}
            />
            <Tag color={summary.meetsTarget ? 'green' : 'orange'} data-testid="target-status">
              {summary.meetsTarget ? t('dashboard.meetsTarget') : t('dashboard.belowTarget')}
            </Tag>
          </Card>
        </Col>
        <Col span={7}>
          <Card>
            <Statistic title={t('dashboard.towns')} value={summary.townCount} />
          </Card>
        </Col>
        <Col span={7}>
          <Card>
            <Statistic title={t('dashboard.townsMeetingAll')} value={summary.townsMeetingAll} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card title={t('dashboard.perDistrict')}>
            <Table<Summary['districts'][number]>
              data-testid="district-table"
              size="small"
              rowKey={(r) => r.district.id}
              pagination={false}
              dataSource={summary.districts}
              locale={{ emptyText: t('common.empty') }}
              columns={[
                {
                  key: 'district',
                  title: t('dashboard.district'),
                  render: (_, r) => (
                    <Link to={`/schools?districtId=${encodeURIComponent(r.district.id)}`} data-testid="district-link">
                      {r.district.name}
                    </Link>
                  ),
                },
                { key: 'towns', title: t('dashboard.townCount'), dataIndex: 'townCount', align: 'right' },
                { key: 'meeting', title: t('dashboard.townsMeetingAll'), dataIndex: 'townsMeetingAll', align: 'right' },
                {
                  key: 'share',
                  title: t('dashboard.share'),
                  align: 'right',
                  render: (_, r) => (
                    <Typography.Text
                      type={r.shareMeetingAll != null && r.shareMeetingAll < summary.target ? 'danger' : undefined}
                    >
                      {percent(r.shareMeetingAll)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('dashboard.perGoal')}>
            <Table<Summary['goals'][number]>
              data-testid="goal-table"
              size="small"
              rowKey="goal"
              pagination={false}
              dataSource={summary.goals}
              columns={[
                { key: 'goal', title: t('dashboard.goal'), render: (_, r) => t(`enums.goal.${r.goal}`) },
                { key: 'meeting', title: t('dashboard.townsMeeting'), dataIndex: 'townsMeeting', align: 'right' },
                { key: 'share', title: t('dashboard.share'), align: 'right', render: (_, r) => percent(r.share) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
