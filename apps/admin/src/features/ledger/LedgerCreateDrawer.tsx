import { useMutation } from '@apollo/client/react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import { graphql } from '../../gql';
import { FundSource, StandardItem } from '../../gql/graphql';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';
import { AMOUNT, checkLength, LIMITS } from './ledger-rules';

const CreateMutation = graphql(`
  mutation LedgerCreate($input: CreateRectificationItemInput!) {
    createRectificationItem(input: $input) {
      id
    }
  }
`);

interface Values {
  schoolId: string;
  standardItem: StandardItem;
  standardDetail?: string;
  problem: string;
  fundSource: FundSource;
  fundAmount?: string;
  deadline: Dayjs;
  owner: string;
  measures: string;
}
const FIELDS = [
  'schoolId',
  'standardItem',
  'standardDetail',
  'problem',
  'fundSource',
  'fundAmount',
  'deadline',
  'owner',
  'measures',
] as const;

/** A new ledger item: one school, one standard item, one problem, with its deadline and owner. */
export function LedgerCreateDrawer(props: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [create, { loading, error, reset }] = useMutation(CreateMutation);
  const other = error ? serverFieldErrors(error, FIELDS, i18n.language).other : [];
  const standardItem = Form.useWatch('standardItem', form);

  const lengthRule = (limits: readonly [number, number], required = true) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!required && !value?.trim()) return Promise.resolve();
      const broken = checkLength(value, limits);
      return broken
        ? Promise.reject(
            new Error(
              t(`ledger.rule.${broken === 'required' ? 'required' : 'length'}`, { min: limits[0], max: limits[1] }),
            ),
          )
        : Promise.resolve();
    },
  });

  const submit = async (values: Values) => {
    try {
      const result = await create({
        variables: {
          input: {
            schoolId: values.schoolId,
            standardItem: values.standardItem,
            standardDetail: values.standardDetail?.trim() || null,
            problem: values.problem.trim(),
            fundSource: values.fundSource,
            fundAmount: values.fundAmount?.trim() || null,
            deadline: values.deadline.format('YYYY-MM-DD'),
            owner: values.owner.trim(),
            measures: values.measures.trim(),
          },
        },
      });
      form.resetFields();
      props.onCreated();
      const id = result.data?.createRectificationItem.id;
      if (id) void navigate(`/ledger/${encodeURIComponent(id)}`);
    } catch (e) {
      form.setFields(serverFieldErrors(e as Error, FIELDS, i18n.language).fields);
    }
  };

  return (
    <Drawer
      open={props.open}
      title={t('ledger.create')}
      size={560}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={loading} data-testid="ledger-create-save" onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => reset()}>
        <Form.Item
          name="schoolId"
          label={t('ledger.column.school')}
          rules={[{ required: true, message: t('ledger.rule.required') }]}
        >
          <SchoolPicker id="schoolId" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="standardItem"
            label={t('ledger.column.standardItem')}
            style={{ width: '40%' }}
            rules={[{ required: true, message: t('ledger.rule.required') }]}
          >
            <Select
              id="standardItem"
              options={Object.values(StandardItem).map((v) => ({ value: v, label: t(`enums.standardItem.${v}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="standardDetail"
            label={t('ledger.field.standardDetail')}
            style={{ width: '60%' }}
            dependencies={['standardItem']}
            rules={[lengthRule(LIMITS.standardDetail, standardItem === StandardItem.Other)]}
          >
            <Input id="standardDetail" maxLength={LIMITS.standardDetail[1]} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="problem" label={t('ledger.column.problem')} rules={[lengthRule(LIMITS.problem)]}>
          <Input.TextArea id="problem" rows={3} maxLength={LIMITS.problem[1]} showCount />
        </Form.Item>
        <Form.Item name="measures" label={t('ledger.field.measures')} rules={[lengthRule(LIMITS.measures)]}>
          <Input.TextArea id="measures" rows={3} maxLength={LIMITS.measures[1]} showCount />
        </Form.Item>
        <Form.Item name="owner" label={t('ledger.column.owner')} rules={[lengthRule(LIMITS.owner)]}>
          <Input id="owner" maxLength={LIMITS.owner[1]} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="fundSource"
            label={t('ledger.column.fundSource')}
            style={{ width: '50%' }}
            rules={[{ required: true, message: t('ledger.rule.required') }]}
          >
            <Select
              id="fundSource"
              options={Object.values(FundSource).map((v) => ({ value: v, label: t(`ledger.fundSource.${v}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="fundAmount"
            label={t('ledger.column.fundAmount')}
            style={{ width: '50%' }}
            rules={[{ pattern: AMOUNT, message: t('ledger.rule.amount') }]}
          >
            <Input id="fundAmount" inputMode="decimal" suffix={t('ledger.yuan')} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="deadline"
          label={t('ledger.column.deadline')}
          rules={[{ required: true, message: t('ledger.rule.required') }]}
        >
          <DatePicker id="deadline" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
