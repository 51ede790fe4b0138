import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '@zhuji/client/ui';
import { errorCode, errorMessage } from '@zhuji/client/errors';
import { formatDate, formatDateTime } from '@zhuji/client/format';
import { getFragmentData, graphql } from '../../gql';
import { TownPlanState } from '../../gql/graphql';
import { AuditTrail } from '../audit/AuditTrail';
import { PlanStateTag } from './PlanStateTag';

const PlanReviewQuery = graphql(`
  query PlanReviewPage($id: ID!) {
    townPlan(id: $id) {
      ...PlanReview_Plan
    }
    canReview: viewerCan(action: PLAN_REVIEW, id: $id)
    canFile: viewerCan(action: PLAN_FILE, id: $id)
  }
`);

export const PlanReviewFragment = graphql(`
  fragment PlanReview_Plan on TownPlan {
    id
    year
    state
    version
    dueDate
    isLate
    submittedAt
    lastSubmittedAt
    targets
    measures
    responsibilities
    expectedOutcomes
    actionLines
    measureItems {
      text
      actionLines
    }
    town {
      id
      name
    }
    district {
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

const ApproveMutation = graphql(`
  mutation PlanApprove($id: ID!, $version: Int!, $comment: String) {
    approveTownPlan(id: $id, expectedVersion: $version, comment: $comment) {
      ...PlanReview_Plan
    }
  }
`);

const ReturnMutation = graphql(`
  mutation PlanReturn($id: ID!, $version: Int!, $comment: String!) {
    returnTownPlan(id: $id, expectedVersion: $version, comment: $comment) {
      ...PlanReview_Plan
    }
  }
`);

const FileMutation = graphql(`
  mutation PlanFile($id: ID!, $version: Int!, $comment: String) {
    fileTownPlan(id: $id, expectedVersion: $version, comment: $comment) {
      ...PlanReview_Plan
    }
  }
`);

/** The server's rule for a return: a comment that is not blank once trimmed. */
export const COMMENT_MAX = 2000;
export function commentRule(t: (key: 'plans.review.commentRequired' | 'plans.review.commentTooLong') => string) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const text = value?.trim() ?? '';
      if (!text) return Promise.reject(new Error(t('plans.review.commentRequired')));
      if (text.length > COMMENT_MAX) return Promise.reject(new Error(t('plans.review.commentTooLong')));
      return Promise.resolve();
    },
  };
}

const SPECIFICS = ['targets', 'measures', 'responsibilities', 'expectedOutcomes'] as const;

/** Plain text with the author's line breaks. */
function Paragraphs({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation();
  if (!text?.trim()) return <Typography.Text type="secondary">{t('plans.review.blank')}</Typography.Text>;
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>;
}

function ReturnModal(props: {
  open: boolean;
  busy: boolean;
  error?: ErrorLike;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const serverError = props.error ? errorMessage(props.error, i18n.language) : undefined;
  return (
    <Modal
      open={props.open}
      title={t('plans.review.returnTitle')}
      okText={t('plans.review.confirmReturn')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: props.busy, ...{ 'data-testid': 'review-confirm' } }}
      onCancel={props.onCancel}
      onOk={() => {
        void form.validateFields().then((values) => props.onConfirm(values.comment.trim()));
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('plans.review.comment')}
          extra={t('plans.review.commentHint')}
          rules={[commentRule(t)]}
          validateStatus={serverError ? 'error' : undefined}
          help={serverError}
        >
          <Input.TextArea data-testid="review-comment" rows={5} maxLength={COMMENT_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PlanReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PlanReviewQuery, { variables: { id } });
  const [approve, approving] = useMutation(ApproveMutation);
  const [returnPlan, returning] = useMutation(ReturnMutation);
  const [file, filing] = useMutation(FileMutation);
  const [returnOpen, setReturnOpen] = useState(false);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const p = getFragmentData(PlanReviewFragment, data.townPlan);
  if (!p)
    return <Result status="404" title={t('plans.notFound')} extra={<Link to="/plans">{t('common.back')}</Link>} />;
  const dateOf = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : '—');
  const timeOf = (d: string | null | undefined) => (d ? formatDateTime(d, i18n.language) : '—');

  /** A stale version means someone else moved the plan: say so and show the current one. */
  const failed = (e: unknown) => {
    const err = e as ErrorLike;
    if (errorCode(err) === 'CONFLICT') {
      void message.warning(t('plans.review.conflict'));
      void refetch();
    } else void message.error(errorMessage(err, i18n.language));
  };
  const doApprove = async () => {
    try {
      await approve({ variables: { id: p.id, version: p.version } });
      void message.success(t('plans.review.approved'));
    } catch (e) {
      failed(e);
    }
  };
  const doReturn = async (comment: string) => {
    try {
      await returnPlan({ variables: { id: p.id, version: p.version, comment } });
      setReturnOpen(false);
      void message.success(t('plans.review.returned'));
    } catch (e) {
      if (errorCode(e as ErrorLike) === 'CONFLICT') {
        setReturnOpen(false);
        failed(e);
      }
      // other errors stay in the modal, under the comment
    }
  };
  const doFile = async () => {
    try {
      await file({ variables: { id: p.id, version: p.version } });
      void message.success(t('plans.review.filed'));
    } catch (e) {
      failed(e);
    }
  };

  const reviewable = data.canReview && p.state === TownPlanState.Submitted;
  const fileable = data.canFile && p.state === TownPlanState.Approved;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plans.title')}</Link> },
          {
            title: (
              <span data-testid="plan-title">{t('plans.review.heading', { town: p.town.name, year: p.year })}</span>
            ),
          },
        ]}
      />
      <Card
        title={t('plans.review.heading', { town: p.town.name, year: p.year })}
        extra={
          <Space>
            {reviewable && (
              <>
                <Button
                  type="primary"
                  data-testid="plan-approve"
                  loading={approving.loading}
                  disabled={returning.loading}
                  onClick={() => void doApprove()}
                >
                  {t('plans.review.approve')}
                </Button>
                <Button
                  danger
                  data-testid="plan-return"
                  disabled={approving.loading}
                  onClick={() => {
                    returning.reset();
                    setReturnOpen(true);
                  }}
                >
                  {t('plans.review.return')}
                </Button>
              </>
            )}
            {fileable && (
              <Button data-testid="plan-file" loading={filing.loading} onClick={() => void doFile()}>
                {t('plans.review.file')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'town',
              label: t('plans.column.town'),
              children: <Link to={`/towns/${encodeURIComponent(p.town.id)}?period=${p.year}`}>{p.town.name}</Link>,
            },
            { key: 'district', label: t('plans.column.district'), children: p.district.name },
            { key: 'year', label: t('plans.column.year'), children: p.year },
            {
              key: 'state',
              label: t('plans.column.state'),
              children: <PlanStateTag state={p.state} testId="plan-status" />,
            },
            {
              key: 'due',
              label: t('plans.column.dueDate'),
              children: (
                <Space size={4}>
                  {dateOf(p.dueDate)}
                  {p.isLate && <Tag color="red">{t('plans.late')}</Tag>}
                </Space>
              ),
            },
            { key: 'submitted', label: t('plans.review.submittedAt'), children: timeOf(p.submittedAt) },
            { key: 'last', label: t('plans.column.lastSubmittedAt'), children: timeOf(p.lastSubmittedAt) },
            {
              key: 'lines',
              label: t('plans.review.actionLines'),
              span: 2,
              children: p.actionLines.length ? (
                <Space size={4} wrap>
                  {p.actionLines.map((l) => (
                    <Tag key={l}>{t(`plans.actionLine.${l}`)}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
            },
          ]}
        />
        {data.canReview && !reviewable && !fileable && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('plans.review.notReviewable', { state: t(`enums.planState.${p.state}`) })}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('plans.review.specifics')} data-testid="plan-specifics">
            {SPECIFICS.map((key) => (
              <section key={key} style={{ marginBottom: 16 }} data-testid={`specific-${key}`}>
                <Typography.Title level={5}>{t(`plans.specific.${key}`)}</Typography.Title>
                <Paragraphs text={p[key]} />
              </section>
            ))}
            {p.measureItems.length > 0 && (
              <section>
                <Typography.Title level={5}>{t('plans.review.measureItems')}</Typography.Title>
                <ol style={{ paddingInlineStart: 20, margin: 0 }}>
                  {p.measureItems.map((m, i) => (
                    <li key={i} style={{ marginBottom: 6 }}>
                      {m.text}{' '}
                      {m.actionLines.map((l) => (
                        <Tag key={l} bordered={false} color="blue">
                          {t(`plans.actionLine.${l}`)}
                        </Tag>
                      ))}
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('plans.review.history')}>
            {p.transitions.length === 0 ? (
              <Empty description={t('plans.review.noHistory')} />
            ) : (
              <Timeline
                data-testid="plan-history"
                items={[...p.transitions].reverse().map((step, i) => ({
                  key: i,
                  color:
                    step.toState === TownPlanState.Returned
                      ? 'orange'
                      : step.toState === TownPlanState.Submitted
                        ? 'blue'
                        : 'green',
                  content: (
                    <div data-testid="history-entry" data-to={step.toState}>
                      <Typography.Text strong>{t(`plans.transition.${step.toState}`)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {t(`enums.planState.${step.fromState}`)} → {t(`enums.planState.${step.toState}`)}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {timeOf(step.at)} · {step.username ?? t('plans.review.system')}
                        </Typography.Text>
                      </div>
                      {step.comment && (
                        <Typography.Paragraph
                          data-testid="history-comment"
                          style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}
                        >
                          {step.comment}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('plans.review.audit')}>
        <AuditTrail recordId={p.id} />
      </Card>
      <ReturnModal
        open={returnOpen}
        busy={returning.loading}
        error={returning.error}
        onCancel={() => setReturnOpen(false)}
        onConfirm={(comment) => void doReturn(comment)}
      />
    </Space>
  );
}
