import { useMemo, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Button, Card, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DraftNotices, draftKey, isConflict, QueryState, useFormDraft } from '@zhuji/client/ui';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { contentInput, planContent, PLAN_STATE_COLOR, SPECIFICS, type PlanContent } from './plan-state';

const PlanQuery = graphql(`
  query PortalPlan($id: ID!) {
    node(id: $id) {
      __typename
      ... on TownPlan {
        ...PortalPlan_Fields
      }
    }
    # Plans are not located by viewerCan's id: the server scopes plans to the viewer's town,
    # so the role's permission is the answer.
    canDraft: viewerCan(action: PLAN_DRAFT)
    canSubmit: viewerCan(action: PLAN_SUBMIT)
  }
`);

export const PortalPlan_Fields = graphql(`
  fragment PortalPlan_Fields on TownPlan {
    id
    year
    state
    version
    dueDate
    isLate
    targets
    measures
    responsibilities
    expectedOutcomes
    measureItems {
      text
      actionLines
    }
    town {
      id
      name
    }
    transitions {
      at
      fromState
      toState
      comment
      username
    }
  }
`);

const UpdatePlan = graphql(`
  mutation PortalUpdatePlan($id: ID!, $expectedVersion: Int!, $input: TownPlanContentInput!) {
    updateTownPlan(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...PortalPlan_Fields
    }
  }
`);

const SubmitPlan = graphql(`
  mutation PortalSubmitPlan($id: ID!, $expectedVersion: Int!) {
    submitTownPlan(id: $id, expectedVersion: $expectedVersion) {
      ...PortalPlan_Fields
    }
  }
`);

const EDITABLE = new Set(['DRAFT', 'RETURNED']);

/**
 * A town plan: the four specifics drafted, saved and submitted; the district's comments; after
 * a return, revised and resubmitted. Typing is kept on the device as a draft (a reload or a
 * dropped connection loses nothing); a save over a version someone else changed meanwhile is
 * refused by the server (expectedVersion) and both versions are shown for the user to choose.
 */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(PlanQuery, { variables: { id } });
  const [update, { loading: saving }] = useMutation(UpdatePlan);
  const [submit, { loading: submitting }] = useMutation(SubmitPlan);
  const [form] = Form.useForm<PlanContent>();
  const [saveError, setSaveError] = useState<ErrorLike | null>(null);
  const plan = data?.node?.__typename === 'TownPlan' ? getPlan(data.node) : null;

  const server = useMemo(() => (plan ? { values: planContent(plan), base: plan.version } : null), [plan]);
  const draft = useFormDraft<PlanContent>(plan ? draftKey('town-plan', plan.id) : null, server, SPECIFICS);

  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  if (!plan || !draft.ready || !draft.initialValues) return <QueryState error={new Error(t('app.notFound'))} />;

  const editable = EDITABLE.has(plan.state) && data.canDraft;
  const labels = Object.fromEntries(SPECIFICS.map((f) => [f, t(`plans.fields.${f}`)])) as Record<
    keyof PlanContent,
    string
  >;

  /** Saves the form over the version it was typed on; returns the new version, or null when it did not go through. */
  const persist = async (values: PlanContent): Promise<number | null> => {
    setSaveError(null);
    const expectedVersion = Number(draft.base);
    const changed = SPECIFICS.some((f) => (values[f] ?? '').trim() !== (server?.values[f] ?? '').trim());
    if (!changed && expectedVersion === plan.version) {
      draft.saved(plan.version);
      return plan.version;
    }
    try {
      const { data: saved } = await update({
        variables: { id: plan.id, expectedVersion, input: contentInput(values) },
      });
      if (!saved) return null;
      const version = getPlan(saved.updateTownPlan).version;
      draft.saved(version);
      return version;
    } catch (e) {
      await failed(e as ErrorLike, values);
      return null;
    }
  };

  const failed = async (err: ErrorLike, values: PlanContent) => {
    if (isConflict(err)) {
      const { data: fresh } = await client.query({ query: PlanQuery, variables: { id }, fetchPolicy: 'network-only' });
      const now = fresh?.node?.__typename === 'TownPlan' ? getPlan(fresh.node) : null;
      if (now) draft.showConflict(values, planContent(now), now.version);
    } else {
      setSaveError(err);
    }
  };

  const saveOnly = async () => {
    const version = await persist(form.getFieldsValue());
    if (version != null) void message.success(t('common.saved'));
  };

  const saveAndSubmit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const version = await persist(values);
    if (version == null) return;
    try {
      await submit({ variables: { id: plan.id, expectedVersion: version } });
      void message.success(t('plans.submitted'));
    } catch (e) {
      await failed(e as ErrorLike, values);
    }
  };

  const returned = [...plan.transitions].reverse().find((tr) => tr.toState === 'RETURNED');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.planOf', { year: plan.year, town: plan.town.name })}
        </Typography.Title>
        <Tag color={PLAN_STATE_COLOR[plan.state]} data-testid="plan-status" data-status={plan.state}>
          {t(`enums.planState.${plan.state}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('plans.due', { date: plan.dueDate })}
          {plan.isLate ? ` · ${t('plans.late')}` : ''}
        </Typography.Text>
      </Flex>
      {plan.state === 'RETURNED' && returned && (
        <Alert
          type="error"
          showIcon
          data-testid="plan-returned"
          title={t('plans.returnedBy', {
            user: returned.username ?? '—',
            at: new Date(returned.at).toLocaleString(i18n.language),
          })}
          description={<span data-testid="plan-return-comment">{returned.comment}</span>}
        />
      )}
      <DraftNotices<PlanContent>
        draft={draft}
        labels={labels}
        server={server?.values ?? null}
        apply={(values) => form.setFieldsValue(values)}
        saveError={saveError}
      />
      {editable ? (
        <Card size="small" title={t('plans.fourSpecifics')}>
          <Form<PlanContent>
            form={form}
            layout="vertical"
            initialValues={draft.initialValues}
            onValuesChange={(_, all) => draft.record(all)}
          >
            {SPECIFICS.map((field) => (
              <Form.Item
                key={field}
                name={field}
                label={labels[field]}
                extra={t(`plans.hints.${field}`)}
                rules={[{ required: true, whitespace: true, message: t('plans.required', { field: labels[field] }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid={`plan-${field}`} />
              </Form.Item>
            ))}
            <Flex gap={8} wrap>
              <Button onClick={() => void saveOnly()} loading={saving && !submitting} data-testid="plan-save">
                {t('plans.saveDraft')}
              </Button>
              {data.canSubmit && (
                <Button
                  type="primary"
                  onClick={() => void saveAndSubmit()}
                  loading={submitting}
                  data-testid="plan-submit"
                >
                  {plan.state === 'RETURNED' ? t('plans.resubmit') : t('plans.submit')}
                </Button>
              )}
            </Flex>
          </Form>
        </Card>
      ) : (
        <Card size="small" title={t('plans.fourSpecifics')}>
          <Flex vertical gap={12}>
            {SPECIFICS.map((field) => (
              <div key={field}>
                <Typography.Text strong>{labels[field]}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`plan-text-${field}`}>
                  {plan[field] ?? '—'}
                </Typography.Paragraph>
              </div>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('plans.history')}>
        {plan.transitions.length === 0 ? (
          <Typography.Text type="secondary">{t('plans.noHistory')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="plan-history"
            items={[...plan.transitions].reverse().map((tr) => ({
              color: tr.toState === 'RETURNED' ? 'red' : tr.toState === 'APPROVED' ? 'green' : 'blue',
              content: (
                <Flex vertical>
                  <Typography.Text>
                    {t(`enums.planState.${tr.fromState}`)} → {t(`enums.planState.${tr.toState}`)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {new Date(tr.at).toLocaleString(i18n.language)} · {tr.username ?? '—'}
                  </Typography.Text>
                  {tr.comment && <Typography.Text>{tr.comment}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}

function getPlan(fragment: FragmentType<typeof PortalPlan_Fields>) {
  return getFragmentData(PortalPlan_Fields, fragment);
}
