import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { errorMessage } from '@zhuji/client/errors';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import { formatDate } from '@zhuji/client/format';
import { getFragmentData, graphql } from '../../gql';
import { AssessmentIndicatorKind, type AssessmentDetail_AssessmentFragment } from '../../gql/graphql';
import { AuditTrail } from '../audit/AuditTrail';
import { formatIndicator, INDICATOR_TYPE } from '@zhuji/client/assessment-indicators';
import { indicatorValue, sourceError } from './indicators';

const AssessmentDetailQuery = graphql(`
  query AssessmentDetailPage($id: ID!) {
    assessment(id: $id) {
      ...AssessmentDetail_Assessment
    }
    canRecord: viewerCan(action: ASSESSMENT_RECORD, id: $id)
  }
`);

export const AssessmentDetailFragment = graphql(`
  fragment AssessmentDetail_Assessment on Assessment {
    id
    period
    subjectKind
    notes
    school {
      id
      name
    }
    town {
      id
      name
    }
    district {
      id
      name
    }
    indicators {
      kind
      value
      booleanValue
      source
      measuredOn
    }
  }
`);

const RecordMutation = graphql(`
  mutation AssessmentRecord($id: ID!, $indicators: [AssessmentIndicatorInput!]!) {
    recordAssessmentIndicators(assessmentId: $id, indicators: $indicators) {
      ...AssessmentDetail_Assessment
    }
  }
`);

const RemoveMutation = graphql(`
  mutation AssessmentRemoveIndicator($id: ID!, $kind: AssessmentIndicatorKind!) {
    removeAssessmentIndicator(assessmentId: $id, kind: $kind) {
      ...AssessmentDetail_Assessment
    }
  }
`);

type Indicator = AssessmentDetail_AssessmentFragment['indicators'][number];
interface Values {
  kind?: AssessmentIndicatorKind;
  value?: number;
  booleanValue?: boolean;
  source?: string;
  measuredOn?: Dayjs;
}

/** Records (or replaces) one indicator's value, checked by the server's rules first. */
function RecordForm({ assessmentId, existing }: { assessmentId: string; existing: readonly Indicator[] }) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [record, { loading, error, reset }] = useMutation(RecordMutation);
  const kind = Form.useWatch('kind', form);
  const type = kind ? INDICATOR_TYPE[kind] : undefined;
  const other = error ? serverFieldErrors(error, [], i18n.language).other : [];

  const submit = async (values: Values) => {
    const kindValue = values.kind!;
    const parsed = INDICATOR_TYPE[kindValue] === 'boolean' ? null : indicatorValue(kindValue, values.value);
    if (parsed && 'error' in parsed) return;
    try {
      await record({
        variables: {
          id: assessmentId,
          indicators: [
            {
              kind: kindValue,
              value: parsed ? parsed.value : null,
              booleanValue: parsed ? null : (values.booleanValue ?? false),
              source: values.source!.trim(),
              measuredOn: values.measuredOn!.format('YYYY-MM-DD'),
            },
          ],
        },
      });
      form.resetFields();
      void message.success(t('assessments.recorded'));
    } catch {
      // shown above the form
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      data-testid="indicator-form"
      initialValues={{ measuredOn: dayjs(), booleanValue: true }}
      onFinish={(v) => void submit(v)}
      onValuesChange={() => reset()}
      style={{ rowGap: 12 }}
    >
      {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ width: '100%' }} />}
      <Form.Item name="kind" rules={[{ required: true, message: t('assessments.rule.required') }]}>
        <Select
          id="kind"
          placeholder={t('assessments.column.indicator')}
          style={{ width: 220 }}
          options={Object.values(AssessmentIndicatorKind).map((k) => ({
            value: k,
            label: `${t(`enums.assessmentIndicator.${k}`)}${existing.some((e) => e.kind === k) ? ` (${t('assessments.replaces')})` : ''}`,
          }))}
        />
      </Form.Item>
      {type === 'boolean' ? (
        <Form.Item name="booleanValue" valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      ) : (
        <Form.Item
          name="value"
          dependencies={['kind']}
          rules={[
            {
              validator: (_, v: number | undefined) => {
                if (!kind) return Promise.resolve();
                const parsed = indicatorValue(kind, v);
                return 'error' in parsed
                  ? Promise.reject(
                      new Error(
                        t(`assessments.rule.${parsed.error}`, { type: t(`assessments.type.${INDICATOR_TYPE[kind]}`) }),
                      ),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <InputNumber
            id="value"
            placeholder={t('assessments.column.value')}
            style={{ width: 130 }}
            suffix={type === 'ratio' ? '%' : undefined}
          />
        </Form.Item>
      )}
      <Form.Item
        name="source"
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const broken = sourceError(v);
              return broken ? Promise.reject(new Error(t(`assessments.rule.${broken}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input id="source" placeholder={t('assessments.column.source')} style={{ width: 240 }} maxLength={200} />
      </Form.Item>
      <Form.Item
        name="measuredOn"
        rules={[
          { required: true, message: t('assessments.rule.required') },
          {
            validator: (_, v: Dayjs | undefined) =>
              v && v.format('YYYY-MM-DD') > today
                ? Promise.reject(new Error(t('assessments.rule.future')))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker id="measuredOn" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="indicator-save">
        {t('assessments.record')}
      </Button>
    </Form>
  );
}

export function AssessmentDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AssessmentDetailQuery, { variables: { id } });
  const [remove] = useMutation(RemoveMutation);
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const assessment = getFragmentData(AssessmentDetailFragment, data.assessment);
  if (!assessment)
    return (
      <Result
        status="404"
        title={t('assessments.notFound')}
        extra={<Link to="/assessments">{t('common.back')}</Link>}
      />
    );
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  const subject = assessment.school?.name ?? assessment.town.name;

  const columns: ColumnsType<Indicator> = [
    {
      key: 'kind',
      title: t('assessments.column.indicator'),
      render: (_, r) => t(`enums.assessmentIndicator.${r.kind}`),
    },
    {
      key: 'value',
      title: t('assessments.column.value'),
      align: 'right',
      width: 110,
      render: (_, r) => formatIndicator(r.kind, r.value, r.booleanValue, yesNo),
    },
    { key: 'source', title: t('assessments.column.source'), dataIndex: 'source' },
    {
      key: 'measuredOn',
      title: t('assessments.column.measuredOn'),
      render: (_, r) => formatDate(r.measuredOn, i18n.language),
      width: 140,
    },
    ...(data.canRecord
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, r: Indicator) => (
              <Popconfirm
                title={t('assessments.removeConfirm', { indicator: t(`enums.assessmentIndicator.${r.kind}`) })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  try {
                    await remove({ variables: { id: assessment.id, kind: r.kind } });
                    void message.success(t('assessments.removed'));
                  } catch (e) {
                    void message.error(errorMessage(e as ErrorLike, i18n.language));
                  }
                }}
              >
                <Button type="link" danger size="small" data-testid="indicator-remove">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/assessments">{t('assessments.title')}</Link> },
          { title: <span data-testid="assessment-subject">{subject}</span> },
        ]}
      />
      <Card title={t('assessments.detailTitle', { subject, period: assessment.period })}>
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'subject',
              label: t('assessments.column.subject'),
              children: assessment.school ? (
                <Link to={`/schools/${encodeURIComponent(assessment.school.id)}`}>{assessment.school.name}</Link>
              ) : (
                <Link to={`/towns/${encodeURIComponent(assessment.town.id)}?period=${assessment.period}`}>
                  {assessment.town.name}
                </Link>
              ),
            },
            {
              key: 'kind',
              label: t('assessments.column.subjectKind'),
              children: t(`assessments.subjectKind.${assessment.subjectKind}`),
            },
            { key: 'period', label: t('assessments.column.period'), children: assessment.period },
            { key: 'district', label: t('assessments.column.district'), children: assessment.district.name },
            {
              key: 'town',
              label: t('assessments.column.town'),
              children: (
                <Link to={`/towns/${encodeURIComponent(assessment.town.id)}?period=${assessment.period}`}>
                  {assessment.town.name}
                </Link>
              ),
            },
            {
              key: 'notes',
              label: t('assessments.column.notes'),
              children: assessment.notes ? (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{assessment.notes}</Typography.Text>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('assessments.indicators', { count: assessment.indicators.length })}>
        <Table<Indicator>
          data-testid="indicator-table"
          size="small"
          rowKey="kind"
          pagination={false}
          columns={columns}
          dataSource={assessment.indicators}
          locale={{ emptyText: t('assessments.noIndicators') }}
        />
        {data.canRecord && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5}>{t('assessments.recordTitle')}</Typography.Title>
            <RecordForm assessmentId={assessment.id} existing={assessment.indicators} />
          </div>
        )}
      </Card>
      <Card title={t('assessments.audit')}>
        <AuditTrail recordId={assessment.id} />
      </Card>
    </Space>
  );
}
