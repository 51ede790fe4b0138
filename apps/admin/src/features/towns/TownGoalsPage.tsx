import { useQuery } from '@apollo/client/react';
import {
  Breadcrumb,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { formatDate } from '@zhuji/client/format';
import { graphql } from '../../gql';
import type { TownGoalsPageQuery } from '../../gql/graphql';
import { bilingual, recentPeriods, usePeriod } from '../dashboard/programme';
import { PlanStateTag } from '../plans/PlanStateTag';

const TownGoalsQuery = graphql(`
  query TownGoalsPage($townId: ID!, $period: String) {
    goalAttainment(townId: $townId, period: $period) {
      period
      meetsAll
      town {
        id
        code
        name
        kind
        pilotLevel
        inProgramme
        district {
          id
          name
        }
        seats: schools(filter: { isTownSeat: true }, first: 20) {
          nodes {
            id
            name
            stage
          }
        }
        plans(first: 10, orderBy: { field: YEAR, direction: DESC }) {
          nodes {
            id
            year
            state
            isLate
          }
        }
      }
      goals {
        goal
        met
        reason
        reasonEn
        inputs {
          name
          value
          threshold
          baseline
          period
          source
        }
        schools {
          met
          reason
          reasonEn
          school {
            id
            name
          }
        }
      }
    }
    ledger: rectificationItems(filter: { townId: $townId }, first: 20, orderBy: { field: DEADLINE, direction: ASC }) {
      totalCount
      nodes {
        id
        problem
        status
        overdue
        deadline
        standardItem
        school {
          id
          name
        }
      }
    }
  }
`);

type Verdict = NonNullable<TownGoalsPageQuery['goalAttainment']>['goals'][number];
type Input = Verdict['inputs'][number];
type LedgerRow = TownGoalsPageQuery['ledger']['nodes'][number];

/** What was measured against what: every verdict's inputs, never a bare yes or no. */
function Inputs({ inputs }: { inputs: readonly Input[] }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<Input> = [
    { key: 'name', title: t('towns.input.name'), render: (_, r) => bilingual(r.name, i18n.language) },
    { key: 'value', title: t('towns.input.value'), dataIndex: 'value', align: 'right', width: 90 },
    {
      key: 'threshold',
      title: t('towns.input.threshold'),
      render: (_, r) => r.threshold ?? r.baseline ?? '—',
      align: 'right',
      width: 110,
    },
    {
      key: 'source',
      title: t('towns.input.source'),
      render: (_, r) =>
        [r.period, r.source]
          .filter((text): text is string => Boolean(text))
          .map((text) => bilingual(text, i18n.language))
          .join(' · ') || '—',
      width: 280,
    },
  ];
  return (
    <Table<Input>
      data-testid="goal-inputs"
      size="small"
      rowKey={(r, i) => `${r.name}-${i}`}
      pagination={false}
      columns={columns}
      dataSource={[...inputs]}
      locale={{ emptyText: t('towns.noInputs') }}
    />
  );
}

function GoalPanel({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation();
  const inLanguage = (r: { reason?: string | null; reasonEn?: string | null }) =>
    i18n.language.startsWith('zh') ? r.reason : (r.reasonEn ?? r.reason);
  const reason = inLanguage(verdict);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {reason && <Typography.Text type={verdict.met ? undefined : 'danger'}>{reason}</Typography.Text>}
      {verdict.schools.length > 0 && (
        <Flex wrap gap="small">
          {verdict.schools.map((s) => (
            <Tag key={s.school.id} color={s.met ? 'green' : 'red'}>
              <Link to={`/schools/${encodeURIComponent(s.school.id)}`}>{s.school.name}</Link>
              {!s.met && inLanguage(s) ? t('records.because', { reason: inLanguage(s) }) : ''}
            </Tag>
          ))}
        </Flex>
      )}
      <Inputs inputs={verdict.inputs} />
    </Space>
  );
}

export function TownGoalsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const today = useToday();
  const [period, setPeriod] = usePeriod();
  // Without ?period= the server judges the latest year with assessments and says which.
  const { data, loading, error, refetch } = useQuery(TownGoalsQuery, { variables: { townId: id, period } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const attainment = data.goalAttainment;
  if (!attainment)
    return <Result status="404" title={t('towns.notFound')} extra={<Link to="/towns">{t('common.back')}</Link>} />;
  const { town } = attainment;
  const failing = attainment.goals.filter((g) => !g.met);
  // The plan of the judged year (a town has at most one a year).
  const plans = town.plans.nodes.filter((p) => String(p.year) === attainment.period);

  const ledgerColumns: ColumnsType<LedgerRow> = [
    {
      key: 'problem',
      title: t('towns.ledger.problem'),
      render: (_, r) => <Link to={`/ledger/${encodeURIComponent(r.id)}`}>{r.problem}</Link>,
    },
    { key: 'school', title: t('towns.ledger.school'), render: (_, r) => r.school.name, width: 160 },
    {
      key: 'status',
      title: t('towns.ledger.status'),
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          <Tag>{t(`enums.ledgerStatus.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('towns.ledger.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'deadline',
      title: t('towns.ledger.deadline'),
      render: (_, r) => formatDate(r.deadline, i18n.language),
      width: 130,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/towns">{t('towns.title')}</Link> },
          { title: <span data-testid="town-name">{town.name}</span> },
        ]}
      />
      <Card
        title={t('towns.goalsTitle', { town: town.name, period: attainment.period })}
        extra={
          <Select
            data-testid="period"
            aria-label={t('overview.period')}
            style={{ width: 100 }}
            value={attainment.period}
            onChange={setPeriod}
            options={recentPeriods(today).map((p) => ({ value: p, label: p }))}
          />
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'code', label: t('towns.column.code'), children: town.code },
            {
              key: 'district',
              label: t('towns.column.district'),
              children: (
                <Link to={`/towns?districtId=${encodeURIComponent(town.district.id)}`}>{town.district.name}</Link>
              ),
            },
            {
              key: 'verdict',
              label: t('towns.column.meetsAll'),
              children: (
                <Tag
                  color={attainment.meetsAll ? 'green' : 'orange'}
                  data-testid="meets-all"
                  data-meets={attainment.meetsAll}
                >
                  {attainment.meetsAll
                    ? t('towns.meetsAll')
                    : t('towns.failingList', { goals: failing.map((g) => t(`enums.goal.${g.goal}`)).join('、') })}
                </Tag>
              ),
            },
            {
              key: 'seats',
              label: t('towns.seats'),
              span: 2,
              children: town.seats.nodes.length ? (
                <Flex wrap gap={4} data-testid="town-seats">
                  {town.seats.nodes.map((s) => (
                    <Link key={s.id} to={`/schools/${encodeURIComponent(s.id)}`}>
                      <Tag>
                        {t('records.withNote', { name: s.name, note: s.stage ? t(`enums.stage.${s.stage}`) : '—' })}
                      </Tag>
                    </Link>
                  ))}
                </Flex>
              ) : (
                t('towns.noSeat')
              ),
            },
            {
              key: 'plan',
              label: t('towns.plan', { year: attainment.period }),
              children: plans.length ? (
                <Space>
                  {plans.map((p) => (
                    <Link key={p.id} to={`/plans/${encodeURIComponent(p.id)}`} data-testid="town-plan">
                      <PlanStateTag state={p.state} />
                    </Link>
                  ))}
                </Space>
              ) : (
                t('towns.noPlan')
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('towns.sixGoals')}>
        <Collapse
          data-testid="goal-verdicts"
          defaultActiveKey={attainment.goals.map((g) => g.goal)}
          items={attainment.goals.map((verdict) => ({
            key: verdict.goal,
            label: (
              <Flex justify="space-between" data-testid="goal-verdict" data-goal={verdict.goal} data-met={verdict.met}>
                <Typography.Text strong>{t(`enums.goal.${verdict.goal}`)}</Typography.Text>
                <Tag color={verdict.met ? 'green' : 'red'}>{verdict.met ? t('towns.meets') : t('towns.short')}</Tag>
              </Flex>
            ),
            children: <GoalPanel verdict={verdict} />,
          }))}
        />
      </Card>
      <Row gutter={16}>
        <Col span={24}>
          <Card
            title={t('towns.ledger.title', { count: data.ledger.totalCount })}
            extra={<Link to={`/ledger?townId=${encodeURIComponent(town.id)}`}>{t('towns.ledger.all')}</Link>}
          >
            {data.ledger.nodes.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              <Table<LedgerRow>
                data-testid="town-ledger"
                size="small"
                rowKey="id"
                pagination={false}
                columns={ledgerColumns}
                dataSource={data.ledger.nodes}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
