import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import {
  StaffingIndicatorKind,
  TownPlanState,
  type DashboardPageQuery,
  type DashboardStaffingQuery,
} from '../../gql/graphql';
import { EChart } from '../../app/charts/EChart';
import { CHART_COLORS, type ChartOption } from '../../app/charts/echarts';
import { formatDate } from '@zhuji/client/format';
import { GOAL_ORDER, percent, percentValue, periodQuery, recentPeriods, usePeriod } from './programme';
import { staffingByDistrict, type DistrictStaffing } from './staffing';

const DashboardQuery = graphql(`
  query DashboardPage($period: String) {
    programmeSummary(period: $period) {
      period
      hasData
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
      trend(years: 3) {
        period
        hasData
        shareMeetingAll
        townCount
        townsMeetingAll
      }
    }
  }
`);

// Plans and the ledger are a second query: the headline does not wait for them.
const DashboardWorkQuery = graphql(`
  query DashboardWork($year: Int!) {
    draft: townPlans(filter: { state: DRAFT, year: $year }, first: 1) {
      totalCount
    }
    submitted: townPlans(filter: { state: SUBMITTED, year: $year }, first: 1) {
      totalCount
    }
    returned: townPlans(filter: { state: RETURNED, year: $year }, first: 1) {
      totalCount
    }
    approved: townPlans(filter: { state: APPROVED, year: $year }, first: 1) {
      totalCount
    }
    filed: townPlans(filter: { state: FILED, year: $year }, first: 1) {
      totalCount
    }
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
        district {
          id
          name
        }
      }
    }
  }
`);

const DashboardStaffingQuery = graphql(`
  query DashboardStaffing {
    districts(first: 100) {
      nodes {
        id
        name
        staffing(townSeatOnly: true) {
          indicator
          stage
          meetsBaseline
          value {
            count
            fullTimeTeachers
            share
          }
          baseline {
            count
            fullTimeTeachers
            share
            scope
          }
        }
      }
    }
  }
`);

type Summary = DashboardPageQuery['programmeSummary'];
/** The order plans move through, for the chart's categories. */
const PLAN_STATES = [
  TownPlanState.Draft,
  TownPlanState.Submitted,
  TownPlanState.Returned,
  TownPlanState.Approved,
  TownPlanState.Filed,
] as const;
const GOALS: readonly string[] = GOAL_ORDER;

/** A bar chart of shares in percent against the target, as a dashed line across it. */
function shareBars(options: {
  names: string[];
  shares: (number | null)[];
  target: number;
  targetLabel: string;
  seriesName: string;
  horizontal?: boolean;
}): ChartOption {
  const target = percentValue(options.target) ?? 80;
  const category = { type: 'category' as const, data: options.names, axisLabel: { interval: 0 } };
  const value = { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } };
  return {
    grid: { left: options.horizontal ? 96 : 40, right: 48, top: 24, bottom: options.horizontal ? 24 : 48 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    xAxis: options.horizontal ? value : { ...category, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: options.seriesName,
        barMaxWidth: 28,
        data: options.shares.map((share) => {
          const v = percentValue(share);
          return {
            value: v,
            itemStyle: { color: v != null && v < target ? CHART_COLORS.warning : CHART_COLORS.success },
          };
        }),
        label: { show: true, position: options.horizontal ? 'right' : 'top', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 2 },
          label: { formatter: options.targetLabel, position: options.horizontal ? 'end' : 'insideEndTop' },
          data: [options.horizontal ? { xAxis: target } : { yAxis: target }],
        },
      },
    ],
  };
}

function Headline({ summary, linkPeriod }: { summary: Summary; linkPeriod: string | undefined }) {
  const { t } = useTranslation();
  const share = percentValue(summary.shareMeetingAll) ?? 0;
  // A year without assessments is not judged: no share, no "below target" (the server says
  // hasData false rather than every town failing).
  const judged = summary.hasData;
  const color = !judged ? undefined : summary.meetsTarget ? CHART_COLORS.success : CHART_COLORS.warning;
  return (
    <Card data-testid="headline" data-has-data={judged} style={{ height: '100%' }}>
      <Statistic
        title={t('dashboard.shareMeetingAll')}
        value={judged ? percent(summary.shareMeetingAll) : t('dashboard.noData')}
        styles={{ content: { color } }}
        data-testid="headline-share"
        data-share={summary.shareMeetingAll ?? ''}
      />
      <Progress
        percent={judged ? share : 0}
        showInfo={false}
        status={judged && summary.meetsTarget ? 'success' : 'normal'}
        strokeColor={color}
      />
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginTop: 8 }}>
        {judged ? (
          <Tag color={summary.meetsTarget ? 'green' : 'orange'} data-testid="target-status">
            {summary.meetsTarget ? t('dashboard.meetsTarget') : t('dashboard.belowTarget')}
          </Tag>
        ) : (
          <Tag data-testid="target-status" data-no-data="true">
            {t('dashboard.noDataHint', { period: summary.period })}
          </Tag>
        )}
        <Typography.Text type="secondary">{t('dashboard.target', { target: percent(summary.target) })}</Typography.Text>
      </Flex>
      <Row gutter={8} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Link to={`/towns${periodQuery(linkPeriod)}`} data-testid="towns-link">
            <Statistic title={t('dashboard.towns')} value={summary.townCount} />
          </Link>
        </Col>
        <Col span={12}>
          <Link to={`/towns?meetsAll=true${periodQuery(linkPeriod, '&')}`} data-testid="meeting-all-link">
            <Statistic title={t('dashboard.townsMeetingAll')} value={summary.townsMeetingAll} />
          </Link>
        </Col>
      </Row>
    </Card>
  );
}

function Trend({ summary, onPeriod }: { summary: Summary; onPeriod: (period: string) => void }) {
  const { t } = useTranslation();
  const target = percentValue(summary.target) ?? 80;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 56, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
      xAxis: { type: 'category', data: summary.trend.map((p) => p.period) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('overview.trendSeries'),
          // A year with no assessments is a gap in the line, not a 0%.
          data: summary.trend.map((p) => (p.hasData ? percentValue(p.shareMeetingAll) : null)),
          symbolSize: 10,
          label: { show: true, formatter: '{c}%' },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 2 },
            label: {
              formatter: t('overview.targetLine', { target: percent(summary.target) }),
              position: 'insideEndTop',
            },
            data: [{ yAxis: target }],
          },
        },
      ],
    }),
    [summary, target, t],
  );
  return (
    <Card title={t('overview.trend')} size="small" style={{ height: '100%' }}>
      <EChart
        data-testid="chart-trend"
        label={t('overview.trend')}
        option={option}
        height={220}
        onClick={({ dataIndex }) => {
          const point = summary.trend[dataIndex];
          if (point) onPeriod(point.period);
        }}
      />
    </Card>
  );
}

function Districts({ summary, linkPeriod }: { summary: Summary; linkPeriod: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const targetLabel = t('overview.targetLine', { target: percent(summary.target) });
  const option = useMemo(
    () =>
      shareBars({
        names: summary.districts.map((d) => d.district.name),
        shares: summary.districts.map((d) => d.shareMeetingAll),
        target: summary.target,
        targetLabel,
        seriesName: t('dashboard.shareMeetingAll'),
      }),
    [summary, targetLabel, t],
  );
  const townsOf = (districtId: string) =>
    `/towns?districtId=${encodeURIComponent(districtId)}${periodQuery(linkPeriod, '&')}`;
  return (
    <Card
      title={t('dashboard.perDistrict')}
      extra={<Typography.Text type="secondary">{t('overview.chartHint')}</Typography.Text>}
    >
      <EChart
        data-testid="chart-districts"
        label={t('overview.districtChart', { target: percent(summary.target) })}
        option={option}
        height={300}
        onClick={({ dataIndex }) => {
          const row = summary.districts[dataIndex];
          if (row) void navigate(townsOf(row.district.id));
        }}
      />
      <Table<Summary['districts'][number]>
        data-testid="district-table"
        size="small"
        rowKey={(r) => r.district.id}
        pagination={false}
        dataSource={summary.districts}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        columns={[
          {
            key: 'district',
            title: t('dashboard.district'),
            render: (_, r) => (
              <Link to={townsOf(r.district.id)} data-testid="district-link">
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
                type={r.shareMeetingAll != null && r.shareMeetingAll < summary.target ? 'warning' : 'success'}
              >
                {percent(r.shareMeetingAll)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Goals({ summary, linkPeriod }: { summary: Summary; linkPeriod: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const failingOf = (goal: string) => `/towns?failing=${goal}${periodQuery(linkPeriod, '&')}`;
  const goals = useMemo(
    () => [...summary.goals].sort((a, b) => GOALS.indexOf(a.goal) - GOALS.indexOf(b.goal)),
    [summary.goals],
  );
  const option = useMemo(
    () =>
      shareBars({
        names: goals.map((g) => t(`enums.goal.${g.goal}`)),
        shares: goals.map((g) => g.share),
        target: summary.target,
        targetLabel: t('overview.targetLine', { target: percent(summary.target) }),
        seriesName: t('dashboard.townsMeeting'),
        horizontal: true,
      }),
    [summary, goals, t],
  );
  return (
    <Card title={t('dashboard.perGoal')} style={{ height: '100%' }}>
      <EChart
        data-testid="chart-goals"
        label={t('overview.goalChart')}
        option={option}
        height={260}
        onClick={({ dataIndex }) => {
          const row = goals[dataIndex];
          if (row) void navigate(failingOf(row.goal));
        }}
      />
      <Table<Summary['goals'][number]>
        data-testid="goal-table"
        size="small"
        rowKey="goal"
        pagination={false}
        dataSource={goals}
        columns={[
          { key: 'goal', title: t('dashboard.goal'), render: (_, r) => t(`enums.goal.${r.goal}`) },
          { key: 'meeting', title: t('dashboard.townsMeeting'), dataIndex: 'townsMeeting', align: 'right' },
          { key: 'share', title: t('dashboard.share'), align: 'right', render: (_, r) => percent(r.share) },
          {
            key: 'failing',
            title: t('overview.failingTowns'),
            align: 'right',
            render: (_, r) => (
              <Link to={failingOf(r.goal)} data-testid="goal-failing-link" data-goal={r.goal}>
                {summary.townCount - r.townsMeeting}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

const INDICATORS = [
  StaffingIndicatorKind.BackboneCountyOrAbove,
  StaffingIndicatorKind.BachelorOrAbove,
  StaffingIndicatorKind.AssociateOrAbove,
] as const;

function Staffing({ districts }: { districts: DashboardStaffingQuery['districts']['nodes'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [indicator, setIndicator] = useState<StaffingIndicatorKind>(StaffingIndicatorKind.BackboneCountyOrAbove);
  const rows = useMemo(() => staffingByDistrict(districts, indicator), [districts, indicator]);
  const schoolsOf = (districtId: string) => `/schools?districtId=${encodeURIComponent(districtId)}&townSeat=true`;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 40, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('overview.townSeat'),
          barMaxWidth: 22,
          data: rows.map((r) => ({
            value: percentValue(r.share),
            itemStyle: { color: r.belowBaseline.length ? CHART_COLORS.warning : CHART_COLORS.primary },
          })),
        },
        {
          type: 'bar',
          name: t('overview.urbanBaseline'),
          barMaxWidth: 22,
          itemStyle: { color: CHART_COLORS.muted },
          data: rows.map((r) => percentValue(r.baselineShare)),
        },
      ],
    }),
    [rows, t],
  );
  return (
    <Card
      title={t('overview.staffing')}
      extra={
        <Segmented
          data-testid="staffing-indicator"
          size="small"
          value={indicator}
          onChange={(v) => setIndicator(v)}
          options={INDICATORS.map((i) => ({ value: i, label: t(`enums.indicator.${i}`) }))}
        />
      }
    >
      {rows.length === 0 ? (
        <Empty description={t('common.empty')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <EChart
              data-testid="chart-staffing"
              label={t('overview.staffingChart', { indicator: t(`enums.indicator.${indicator}`) })}
              option={option}
              height={280}
              onClick={({ dataIndex }) => {
                const row = rows[dataIndex];
                if (row) void navigate(schoolsOf(row.id));
              }}
            />
          </Col>
          <Col xs={24} xl={12}>
            <Table<DistrictStaffing>
              data-testid="staffing-table"
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              columns={[
                {
                  key: 'district',
                  title: t('dashboard.district'),
                  render: (_, r) => <Link to={schoolsOf(r.id)}>{r.name}</Link>,
                },
                {
                  key: 'share',
                  title: t('overview.townSeat'),
                  align: 'right',
                  render: (_, r) => (
                    <span title={t('overview.teachers', { count: r.count, total: r.fullTimeTeachers })}>
                      {percent(r.share)}
                    </span>
                  ),
                },
                {
                  key: 'baseline',
                  title: t('overview.urbanBaseline'),
                  align: 'right',
                  render: (_, r) => percent(r.baselineShare),
                },
                {
                  key: 'below',
                  title: t('overview.belowBaseline'),
                  render: (_, r) =>
                    r.belowBaseline.length ? (
                      <Space size={4} wrap>
                        {r.belowBaseline.map((stage) => (
                          <Tag key={stage} color="orange">
                            {t(`enums.stage.${stage}`)}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      <Typography.Text type="success">{t('overview.noneBelow')}</Typography.Text>
                    ),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Plans({ year, counts }: { year: number; counts: Record<TownPlanState, number> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plansIn = (state: TownPlanState) => `/plans?status=${state}&year=${year}`;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: PLAN_STATES.map((s) => t(`enums.planState.${s}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('overview.planCount'),
          barMaxWidth: 36,
          label: { show: true, position: 'top' },
          data: PLAN_STATES.map((s) => ({
            value: counts[s],
            itemStyle: {
              color:
                s === TownPlanState.Submitted
                  ? CHART_COLORS.primary
                  : s === TownPlanState.Returned
                    ? CHART_COLORS.warning
                    : s === TownPlanState.Draft
                      ? CHART_COLORS.muted
                      : CHART_COLORS.success,
            },
          })),
        },
      ],
    }),
    [counts, t],
  );
  return (
    <Card title={t('overview.plans', { year })} style={{ height: '100%' }}>
      <EChart
        data-testid="chart-plans"
        label={t('overview.plansChart')}
        option={option}
        height={220}
        onClick={({ dataIndex }) => {
          const state = PLAN_STATES[dataIndex];
          if (state) void navigate(plansIn(state));
        }}
      />
      <Flex wrap gap="small" justify="space-around">
        {PLAN_STATES.map((s) => (
          <Link key={s} to={plansIn(s)} data-testid="plan-state-link" data-state={s} data-count={counts[s]}>
            {t(`enums.planState.${s}`)} {counts[s]}
          </Link>
        ))}
      </Flex>
    </Card>
  );
}

function Overdue({ overdue }: { overdue: NonNullable<ReturnType<typeof useWork>['data']>['overdue'] }) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <Card
      title={t('overview.overdue')}
      style={{ height: '100%' }}
      extra={
        <Link to="/ledger?overdue=true" data-testid="overdue-link" data-count={overdue.totalCount}>
          {t('overview.viewOverdue')}
        </Link>
      }
    >
      <Statistic
        value={overdue.totalCount}
        styles={{ content: { color: overdue.totalCount ? CHART_COLORS.danger : CHART_COLORS.success } }}
      />
      {overdue.nodes.length === 0 ? (
        <Typography.Text type="success">{t('overview.noOverdue')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="overdue-items">
          {overdue.nodes.map((item) => (
            <li key={item.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Link to={`/ledger/${encodeURIComponent(item.id)}`}>
                {t('records.withNote', { name: item.school.name, note: item.district.name })}
              </Link>
              <Typography.Paragraph ellipsis style={{ margin: 0 }}>
                <Typography.Text type="danger">{t('overview.deadline', { date: date(item.deadline) })}</Typography.Text>{' '}
                {item.problem}
              </Typography.Paragraph>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

// The plans of the year shown, once it is known (the server may have chosen it).
const useWork = (period: string | undefined) =>
  useQuery(DashboardWorkQuery, { variables: { year: Number(period) }, skip: !period });

export function DashboardPage() {
  const { t } = useTranslation();
  const today = useToday();
  // No ?period=: the server picks the latest year with assessments up to today and says which.
  const [period, setPeriod] = usePeriod();
  const { data, loading, error, refetch } = useQuery(DashboardQuery, { variables: { period } });
  const shown = period ?? data?.programmeSummary.period;
  const work = useWork(shown);
  const staffing = useQuery(DashboardStaffingQuery);
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const summary = data.programmeSummary;
  const counts = work.data && {
    [TownPlanState.Draft]: work.data.draft.totalCount,
    [TownPlanState.Submitted]: work.data.submitted.totalCount,
    [TownPlanState.Returned]: work.data.returned.totalCount,
    [TownPlanState.Approved]: work.data.approved.totalCount,
    [TownPlanState.Filed]: work.data.filed.totalCount,
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title', { period: summary.period })}
        </Typography.Title>
        <Select
          data-testid="period"
          aria-label={t('overview.period')}
          style={{ width: 120 }}
          value={summary.period}
          onChange={setPeriod}
          options={recentPeriods(today).map((p) => ({ value: p, label: p }))}
        />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Headline summary={summary} linkPeriod={period} />
        </Col>
        <Col xs={24} lg={16}>
          <Trend summary={summary} onPeriod={setPeriod} />
        </Col>
        <Col xs={24} xl={14}>
          <Districts summary={summary} linkPeriod={period} />
        </Col>
        <Col xs={24} xl={10}>
          <Goals summary={summary} linkPeriod={period} />
        </Col>
        <Col xs={24} lg={12}>
          {counts ? (
            <Plans year={Number(summary.period)} counts={counts} />
          ) : (
            <Card title={t('overview.plans', { year: summary.period })}>
              <QueryState loading={work.loading} error={work.error} retry={() => void work.refetch()} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          {work.data ? (
            <Overdue overdue={work.data.overdue} />
          ) : (
            <Card title={t('overview.overdue')}>
              <QueryState loading={work.loading} error={work.error} retry={() => void work.refetch()} />
            </Card>
          )}
        </Col>
        <Col span={24}>
          {staffing.data ? (
            <Staffing districts={staffing.data.districts.nodes} />
          ) : (
            <Card title={t('overview.staffing')}>
              <QueryState loading={staffing.loading} error={staffing.error} retry={() => void staffing.refetch()} />
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
