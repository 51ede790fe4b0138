import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { yearOf } from '@zhuji/client/days';
import { graphql } from '../../gql';
import { useViewer } from '../../app/viewer';
import { PLAN_STATE_COLOR } from './plan-state';

const PlansQuery = graphql(`
  query PortalPlans($townId: ID) {
    townPlans(filter: { townId: $townId }, first: 20, orderBy: { field: YEAR, direction: DESC }) {
      nodes {
        id
        year
        state
        dueDate
        isLate
        version
        town {
          id
          name
        }
      }
    }
    canDraft: viewerCan(action: PLAN_DRAFT)
  }
`);

const CreatePlan = graphql(`
  mutation PortalCreatePlan($input: CreateTownPlanInput!) {
    createTownPlan(input: $input) {
      id
    }
  }
`);

/** 一镇一案: the plans of the viewer's town by year, and starting next year's. */
export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const today = useToday();
  const town = viewer.schoolsOf('SCHOOL_STAFF')[0]?.town;
  const { data, error, refetch } = useQuery(PlansQuery, { variables: { townId: town?.id }, skip: !viewer.me });
  const [create, { loading: creating }] = useMutation(CreatePlan);
  const [createError, setCreateError] = useState<ErrorLike>();

  if (error || viewer.error) return <QueryState error={error ?? viewer.error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  const year = Number(yearOf(today));
  // The plan of a year is due on its 29 March: from the autumn before, next year's is the one to draft.
  const years = [year, year + 1].filter((y) => !data.townPlans.nodes.some((p) => p.year === y));
  const start = async (y: number) => {
    if (!town) return;
    setCreateError(undefined);
    try {
      const { data: created } = await create({ variables: { input: { townId: town.id, year: y } } });
      if (created) void navigate(`/plans/${encodeURIComponent(created.createTownPlan.id)}`);
    } catch (e) {
      setCreateError(e as ErrorLike);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('plans.title')} {town && <Typography.Text type="secondary">{town.name}</Typography.Text>}
      </Typography.Title>
      {createError && <QueryState error={createError} />}
      {data.canDraft && town && years.length > 0 && (
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t('plans.noPlanYet')}</Typography.Text>
            {years.map((y) => (
              <Button
                key={y}
                type="primary"
                loading={creating}
                onClick={() => void start(y)}
                data-testid={`plan-create-${y}`}
              >
                {t('plans.start', { year: y })}
              </Button>
            ))}
          </Flex>
        </Card>
      )}
      {data.townPlans.nodes.length === 0 ? (
        <Empty description={t('common.empty')} />
      ) : (
        <List
          data-testid="plan-list"
          dataSource={data.townPlans.nodes}
          renderItem={(plan) => (
            <List.Item data-testid="plan-row" data-plan-id={plan.id} data-year={plan.year}>
              <Flex gap={8} wrap align="center">
                <Link to={`/plans/${encodeURIComponent(plan.id)}`}>
                  {t('plans.planOf', { year: plan.year, town: plan.town.name })}
                </Link>
                <Tag color={PLAN_STATE_COLOR[plan.state]}>{t(`enums.planState.${plan.state}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('plans.due', { date: plan.dueDate })}
                  {plan.isLate ? ` · ${t('plans.late')}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
