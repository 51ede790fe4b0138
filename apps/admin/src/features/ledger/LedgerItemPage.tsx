import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { errorCode } from '@zhuji/client/errors';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import { formatDate, formatDateTime } from '@zhuji/client/format';
import { getFragmentData, graphql } from '../../gql';
import { RectificationStatus } from '../../gql/graphql';
import { AuditTrail } from '../audit/AuditTrail';
import { LedgerStatusTag } from './LedgerStatusTag';
import { LIMITS, statusChangeErrors } from './ledger-rules';

const LedgerItemQuery = graphql(`
  query LedgerItemPage($id: ID!) {
    rectificationItem(id: $id) {
      ...LedgerItem_Item
    }
    canUpdate: viewerCan(action: LEDGER_UPDATE, id: $id)
  }
`);

export const LedgerItemFragment = graphql(`
  fragment LedgerItem_Item on RectificationItem {
    id
    problem
    standardItem
    standardDetail
    measures
    owner
    fundSource
    fundAmount
    deadline
    status
    overdue
    closedOn
    evidence
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
    statusHistory {
      at
      fromStatus
      toStatus
      note
      username
    }
  }
`);

const ChangeStatusMutation = graphql(`
  mutation LedgerChangeStatus($id: ID!, $input: ChangeRectificationStatusInput!) {
    changeRectificationStatus(id: $id, input: $input) {
      ...LedgerItem_Item
    }
  }
`);

interface Values {
  status?: RectificationStatus;
  note?: string;
  evidence?: string;
  closedOn?: Dayjs;
}
const FIELDS = ['status', 'note', 'evidence', 'closedOn'] as const;

function StatusForm({ item }: { item: { id: string; status: RectificationStatus; evidence?: string | null } }) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [change, { loading, error, reset }] = useMutation(ChangeStatusMutation);
  const status = Form.useWatch('status', form);
  const other = error ? serverFieldErrors(error, FIELDS, i18n.language).other : [];

  /** The server's rules, checked field by field before sending (ledger-rules.ts). */
  const ruleFor = (field: (typeof FIELDS)[number]) => ({
    validator: () => {
      const v = form.getFieldsValue();
      const errors = statusChangeErrors(item, { ...v, closedOn: v.closedOn?.format('YYYY-MM-DD') }, today);
      const broken = errors[field];
      const [min, max] = field === 'note' || field === 'evidence' ? LIMITS[field] : [1, 1];
      return broken ? Promise.reject(new Error(t(`ledger.rule.${broken}`, { min, max }))) : Promise.resolve();
    },
  });

  const submit = async (values: Values) => {
    try {
      await change({
        variables: {
          id: item.id,
          input: {
            status: values.status!,
            note: values.note?.trim() || null,
            evidence: values.evidence?.trim() || undefined,
            closedOn: values.status === RectificationStatus.Done ? values.closedOn?.format('YYYY-MM-DD') : undefined,
            expectedStatus: item.status,
          },
        },
      });
      form.resetFields();
      void message.success(t('ledger.statusChanged'));
    } catch (e) {
      if (errorCode(e as ErrorLike) === 'CONFLICT') void message.warning(t('ledger.conflict'));
      form.setFields(serverFieldErrors(e as ErrorLike, FIELDS, i18n.language).fields);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="status-form"
      onFinish={(v) => void submit(v)}
      onValuesChange={() => reset()}
    >
      {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
      <Form.Item name="status" label={t('ledger.newStatus')} rules={[ruleFor('status')]}>
        <Select
          id="status"
          data-testid="status-select"
          options={Object.values(RectificationStatus)
            .filter((s) => s !== item.status)
            .map((s) => ({ value: s, label: t(`enums.ledgerStatus.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('ledger.field.note')}
        extra={item.status === RectificationStatus.Done ? t('ledger.noteToReopenHint') : undefined}
        dependencies={['status']}
        rules={[ruleFor('note')]}
      >
        <Input.TextArea id="note" data-testid="status-note" rows={2} maxLength={LIMITS.note[1]} showCount />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('ledger.field.evidence')}
        extra={status === RectificationStatus.Done ? t('ledger.evidenceHint') : undefined}
        dependencies={['status']}
        rules={[ruleFor('evidence')]}
      >
        <Input.TextArea id="evidence" data-testid="status-evidence" rows={2} maxLength={LIMITS.evidence[1]} showCount />
      </Form.Item>
      {status === RectificationStatus.Done && (
        <Form.Item
          name="closedOn"
          label={t('ledger.field.closedOn')}
          extra={t('ledger.closedOnHint')}
          rules={[ruleFor('closedOn')]}
        >
          <DatePicker id="closedOn" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={loading} data-testid="status-save">
        {t('ledger.changeStatus')}
      </Button>
    </Form>
  );
}

export function LedgerItemPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(LedgerItemQuery, { variables: { id } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const item = getFragmentData(LedgerItemFragment, data.rectificationItem);
  if (!item)
    return <Result status="404" title={t('ledger.notFound')} extra={<Link to="/ledger">{t('common.back')}</Link>} />;
  const text = (v: string | null | undefined) =>
    v?.trim() ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/ledger">{t('ledger.title')}</Link> },
          { title: <span data-testid="item-school">{item.school.name}</span> },
        ]}
      />
      <Card
        title={t('ledger.itemTitle', { school: item.school.name, item: t(`enums.standardItem.${item.standardItem}`) })}
        extra={<LedgerStatusTag status={item.status} overdue={item.overdue} testId="item-status" />}
      >
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'school',
              label: t('ledger.column.school'),
              children: <Link to={`/schools/${encodeURIComponent(item.school.id)}`}>{item.school.name}</Link>,
            },
            {
              key: 'town',
              label: t('ledger.column.town'),
              children: (
                <Link to={`/towns/${encodeURIComponent(item.town.id)}`}>
                  {item.district.name} · {item.town.name}
                </Link>
              ),
            },
            {
              key: 'item',
              label: t('ledger.column.standardItem'),
              children: item.standardDetail
                ? t('records.labelled', {
                    label: t(`enums.standardItem.${item.standardItem}`),
                    value: item.standardDetail,
                  })
                : t(`enums.standardItem.${item.standardItem}`),
            },
            { key: 'owner', label: t('ledger.column.owner'), children: item.owner },
            { key: 'problem', label: t('ledger.column.problem'), span: 2, children: text(item.problem) },
            { key: 'measures', label: t('ledger.field.measures'), span: 2, children: text(item.measures) },
            {
              key: 'fund',
              label: t('ledger.column.fundSource'),
              children: `${t(`ledger.fundSource.${item.fundSource}`)}${item.fundAmount ? ` · ${item.fundAmount} ${t('ledger.yuan')}` : ''}`,
            },
            {
              key: 'deadline',
              label: t('ledger.column.deadline'),
              children: (
                <Typography.Text type={item.overdue ? 'danger' : undefined}>
                  {formatDate(item.deadline, i18n.language)}
                </Typography.Text>
              ),
            },
            {
              key: 'closedOn',
              label: t('ledger.field.closedOn'),
              children: item.closedOn ? formatDate(item.closedOn, i18n.language) : '—',
            },
            { key: 'evidence', label: t('ledger.field.evidence'), children: text(item.evidence) },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.history')}>
            {item.statusHistory.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              <Timeline
                data-testid="status-history"
                items={[...item.statusHistory].reverse().map((h, i) => ({
                  key: i,
                  color: h.toStatus === RectificationStatus.Done ? 'green' : 'blue',
                  content: (
                    <div data-testid="status-entry" data-to={h.toStatus}>
                      <Typography.Text strong>
                        {h.fromStatus ? `${t(`enums.ledgerStatus.${h.fromStatus}`)} → ` : ''}
                        {t(`enums.ledgerStatus.${h.toStatus}`)}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {formatDateTime(h.at, i18n.language)} · {h.username ?? '—'}
                        </Typography.Text>
                      </div>
                      {h.note && (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {h.note}
                        </Typography.Paragraph>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ledger.changeStatus')}>
            {data.canUpdate ? (
              <StatusForm key={`${item.id}-${item.status}`} item={item} />
            ) : (
              <Typography.Text type="secondary">{t('ledger.readOnly')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('ledger.audit')}>
        <AuditTrail recordId={item.id} />
      </Card>
    </Space>
  );
}
