import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  activityDateProblem,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  lastActivityDay,
} from '@zhuji/client/trusteeship-activity';
import { graphql } from '../../gql';
import { TrusteeshipMeasure, TrusteeshipStatus } from '../../gql/graphql';
import { ApprovalActions, ApprovalTag, QueryState, useToday } from '@zhuji/client/ui';
import { AuditTrail } from '../audit/AuditTrail';
import { RecordActions } from '../../app/records/RecordListCard';
import { useFormatDate } from '../../app/records/format';
import { EndPeriodModal, FormModal, useFormSave } from '../../app/records/forms';
import { TrusteeshipFormModal } from './TrusteeshipForm';
import { TrusteeshipStatusTag } from './TrusteeshipListPage';

const TrusteeshipDetailQuery = graphql(`
  query TrusteeshipDetailPage($id: ID!) {
    trusteeship(id: $id) {
      id
      mode
      status
      approval
      decidedByName
      decidedAt
      decisionComment
      measures
      startDate
      plannedEndDate
      actualEndDate
      agreementRef
      notes
      leadSchool {
        id
        name
      }
      partnerSchool {
        id
        name
      }
      activities(first: 100) {
        totalCount
        nodes {
          id
          measure
          heldOn
          description
        }
      }
      ...TrusteeshipForm_Trusteeship
    }
    canUpdate: viewerCan(action: TRUSTEESHIP_UPDATE, id: $id)
    canRecord: viewerCan(action: TRUSTEESHIP_RECORD_ACTIVITY, id: $id)
    canDecide: viewerCan(action: TRUSTEESHIP_APPROVE, id: $id)
  }
`);

const EndTrusteeshipMutation = graphql(`
  mutation TrusteeshipDetailEnd($id: ID!, $actualEndDate: Date!) {
    endTrusteeship(id: $id, actualEndDate: $actualEndDate) {
      id
      status
      actualEndDate
    }
  }
`);

const RecordActivityMutation = graphql(`
  mutation TrusteeshipDetailRecordActivity($trusteeshipId: ID!, $input: RecordTrusteeshipActivityInput!) {
    recordTrusteeshipActivity(trusteeshipId: $trusteeshipId, input: $input) {
      id
    }
  }
`);

export function TrusteeshipDetailPage() {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TrusteeshipDetailQuery, { variables: { id } });
  const [end] = useMutation(EndTrusteeshipMutation);
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  const [recording, setRecording] = useState(false);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const trusteeship = data.trusteeship;
  if (!trusteeship)
    return (
      <Result
        status="404"
        title={t('trusteeships.notFound')}
        extra={<Link to="/trusteeships">{t('common.back')}</Link>}
      />
    );
  const school = (s: typeof trusteeship.leadSchool) =>
    s ? <Link to={`/schools/${encodeURIComponent(s.id)}`}>{s.name}</Link> : t('records.outOfScope');
  const name = `${trusteeship.leadSchool?.name ?? '…'} → ${trusteeship.partnerSchool?.name ?? '…'}`;
  const open = trusteeship.actualEndDate === null || trusteeship.actualEndDate === undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/trusteeships">{t('trusteeships.title')}</Link> },
          { title: <span data-testid="record-name">{name}</span> },
        ]}
      />
      <Card
        title={t('trusteeships.basics')}
        extra={
          <RecordActions
            canEdit={data.canUpdate}
            onEdit={() => setEditing(true)}
            extra={
              data.canUpdate &&
              open && (
                <Button danger onClick={() => setEnding(true)} data-testid="end">
                  {t('trusteeships.end')}
                </Button>
              )
            }
          />
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'lead', label: t('trusteeships.field.leadSchool'), children: school(trusteeship.leadSchool) },
            {
              key: 'partner',
              label: t('trusteeships.field.partnerSchool'),
              children: school(trusteeship.partnerSchool),
            },
            {
              key: 'mode',
              label: t('trusteeships.field.mode'),
              children: t(`trusteeships.enum.mode.${trusteeship.mode}`),
            },
            {
              key: 'status',
              label: t('trusteeships.field.status'),
              children: <TrusteeshipStatusTag status={trusteeship.status} />,
            },
            {
              key: 'approval',
              label: t('approval.label'),
              span: 2,
              children: (
                <Space wrap>
                  <ApprovalTag approval={trusteeship.approval} />
                  {trusteeship.approval === 'PENDING' && (
                    <Typography.Text type="secondary">{t('approval.pendingHint')}</Typography.Text>
                  )}
                  {trusteeship.decidedByName &&
                    `${t('approval.decidedBy')}：${trusteeship.decidedByName} · ${date(trusteeship.decidedAt?.slice(0, 10))}`}
                  {trusteeship.decisionComment && `${t('approval.comment')}：${trusteeship.decisionComment}`}
                  <ApprovalActions
                    kind="trusteeship"
                    id={trusteeship.id}
                    approval={trusteeship.approval}
                    canDecide={data.canDecide}
                    onDecided={() => void refetch()}
                  />
                </Space>
              ),
            },
            { key: 'start', label: t('trusteeships.field.startDate'), children: date(trusteeship.startDate) },
            {
              key: 'end',
              label: open ? t('trusteeships.field.plannedEndDate') : t('trusteeships.field.actualEndDate'),
              children: date(open ? trusteeship.plannedEndDate : trusteeship.actualEndDate) || '—',
            },
            {
              key: 'measures',
              label: t('trusteeships.field.measures'),
              span: 2,
              children: trusteeship.measures.length
                ? trusteeship.measures.map((m) => <Tag key={m}>{t(`trusteeships.enum.measure.${m}`)}</Tag>)
                : '—',
            },
            { key: 'ref', label: t('trusteeships.field.agreementRef'), children: trusteeship.agreementRef ?? '—' },
            { key: 'notes', label: t('trusteeships.field.notes'), span: 3, children: trusteeship.notes ?? '—' },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'activities',
              label: `${t('trusteeships.activities')} (${trusteeship.activities.totalCount})`,
              children: (
                <>
                  {data.canRecord &&
                    trusteeship.approval === 'APPROVED' &&
                    trusteeship.status !== TrusteeshipStatus.Planned && (
                      <Button
                        type="primary"
                        style={{ marginBottom: 12 }}
                        onClick={() => setRecording(true)}
                        data-testid="record-activity"
                      >
                        {t('trusteeships.recordActivity')}
                      </Button>
                    )}
                  <Table
                    data-testid="activity-table"
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={trusteeship.activities.nodes}
                    locale={{ emptyText: t('common.empty') }}
                    columns={[
                      {
                        key: 'heldOn',
                        title: t('trusteeships.field.heldOn'),
                        width: 140,
                        render: (_, a) => date(a.heldOn),
                      },
                      {
                        key: 'measure',
                        title: t('trusteeships.field.measure'),
                        width: 120,
                        render: (_, a) => t(`trusteeships.enum.measure.${a.measure}`),
                      },
                      { key: 'description', title: t('trusteeships.field.description'), dataIndex: 'description' },
                    ]}
                  />
                </>
              ),
            },
            { key: 'audit', label: t('trusteeships.audit'), children: <AuditTrail recordId={trusteeship.id} /> },
          ]}
        />
      </Card>
      {editing && (
        <TrusteeshipFormModal
          trusteeship={trusteeship}
          onClose={() => setEditing(false)}
          onSaved={() => void refetch()}
        />
      )}
      {ending && (
        <EndPeriodModal
          title={t('trusteeships.endTitle')}
          hint={t('trusteeships.endHint')}
          okText={t('trusteeships.end')}
          label={t('trusteeships.field.actualEndDate')}
          field="actualEndDate"
          notBefore={trusteeship.startDate}
          notBeforeMessage={t('trusteeships.rule.endBeforeStart')}
          successText={t('trusteeships.ended')}
          end={(actualEndDate) => end({ variables: { id: trusteeship.id, actualEndDate } })}
          onClose={() => setEnding(false)}
          onSaved={() => void refetch()}
        />
      )}
      {recording && (
        <RecordActivityModal
          trusteeship={trusteeship}
          onClose={() => setRecording(false)}
          onSaved={() => void refetch()}
        />
      )}
    </Space>
  );
}

type ActivityValues = { measure: TrusteeshipMeasure; heldOn: string; description: string };

/** An activity is dated within the trusteeship and not after today; 2–5000 characters, as the server rules (shared with the portal). */
function RecordActivityModal(props: {
  trusteeship: {
    id: string;
    startDate: string;
    actualEndDate?: string | null;
    measures: readonly TrusteeshipMeasure[];
  };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const [record] = useMutation(RecordActivityMutation);
  const { errors, saving, run } = useFormSave(form, ['measure', 'heldOn', 'description']);
  const { trusteeship } = props;
  const last = lastActivityDay(trusteeship, today);

  const save = (input: ActivityValues) =>
    run(async () => {
      await record({ variables: { trusteeshipId: trusteeship.id, input } });
      void message.success(t('trusteeships.activityRecorded'));
      props.onSaved();
      props.onClose();
    });
  return (
    <FormModal<ActivityValues>
      title={t('trusteeships.recordActivity')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={{ heldOn: last, measure: trusteeship.measures[0] }}
      onFinish={(v) => void save(v)}
      onClose={props.onClose}
      testId="activity-form"
    >
      <Form.Item
        name="measure"
        label={t('trusteeships.field.measure')}
        rules={[{ required: true, message: t('trusteeships.rule.required') }]}
      >
        <Select
          options={Object.values(TrusteeshipMeasure).map((v) => ({
            value: v,
            label: t(`trusteeships.enum.measure.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="heldOn"
        label={t('trusteeships.field.heldOn')}
        rules={[
          { required: true, message: t('trusteeships.rule.required') },
          {
            validator: async (_, v?: string) => {
              const problem = v ? activityDateProblem(v, trusteeship, today) : null;
              if (problem) throw new Error(t(`activityRule.${problem.rule}` as const, { date: problem.date ?? '' }));
            },
          },
        ]}
      >
        <Input type="date" min={trusteeship.startDate} max={last} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('trusteeships.field.description')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: DESCRIPTION_MIN,
            max: DESCRIPTION_MAX,
            message: t('activityRule.description', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
