import { useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { TrusteeshipMeasure, TrusteeshipMode, type CreateTrusteeshipInput } from '../../gql/graphql';
import { changedValues } from '@zhuji/client/field-errors';
import { FormModal, useFormSave } from '../../app/records/forms';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

export const TrusteeshipForm_TrusteeshipFragment = graphql(`
  fragment TrusteeshipForm_Trusteeship on Trusteeship {
    id
    mode
    measures
    startDate
    plannedEndDate
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
  }
`);

const CreateTrusteeshipMutation = graphql(`
  mutation TrusteeshipFormCreate($input: CreateTrusteeshipInput!) {
    createTrusteeship(input: $input) {
      id
      approval
    }
  }
`);

const UpdateTrusteeshipMutation = graphql(`
  mutation TrusteeshipFormUpdate($id: ID!, $input: UpdateTrusteeshipInput!) {
    updateTrusteeship(id: $id, input: $input) {
      id
      ...TrusteeshipForm_Trusteeship
    }
  }
`);

type Values = {
  leadSchoolId: string;
  partnerSchoolId: string;
  mode: TrusteeshipMode;
  measures: TrusteeshipMeasure[];
  startDate: string;
  plannedEndDate: string | null;
  agreementRef: string | null;
  notes: string | null;
};
const FIELDS = [
  'leadSchoolId',
  'partnerSchoolId',
  'mode',
  'measures',
  'startDate',
  'plannedEndDate',
  'agreementRef',
  'notes',
] as const;
/** What the server lets change after creation (UpdateTrusteeshipInput). */
const EDITABLE = ['measures', 'plannedEndDate', 'agreementRef', 'notes'] as const;

/**
 * Creates a trusteeship, or edits its measures, planned end, agreement reference and notes
 * (the schools, mode and start are fixed, as the server rules). Checked as the server checks:
 * two different schools, planned end not before the start, lengths.
 */
export function TrusteeshipFormModal(props: {
  trusteeship?: FragmentType<typeof TrusteeshipForm_TrusteeshipFragment>;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trusteeship = getFragmentData(TrusteeshipForm_TrusteeshipFragment, props.trusteeship);
  const [form] = Form.useForm<Values>();
  const [create] = useMutation(CreateTrusteeshipMutation);
  const [update] = useMutation(UpdateTrusteeshipMutation);
  const { errors, saving, run } = useFormSave(form, FIELDS);
  const fixed = Boolean(trusteeship);
  const initial = useMemo<Partial<Values>>(
    () =>
      trusteeship
        ? {
            leadSchoolId: trusteeship.leadSchool?.id,
            partnerSchoolId: trusteeship.partnerSchool?.id,
            mode: trusteeship.mode,
            measures: [...trusteeship.measures],
            startDate: trusteeship.startDate,
            plannedEndDate: trusteeship.plannedEndDate ?? null,
            agreementRef: trusteeship.agreementRef ?? null,
            notes: trusteeship.notes ?? null,
          }
        : { measures: [] },
    [trusteeship],
  );

  const save = (values: Values) =>
    run(async () => {
      if (trusteeship) {
        const changed = changedValues(initial as Values, values);
        const input = Object.fromEntries(EDITABLE.filter((f) => f in changed).map((f) => [f, changed[f]]));
        // An array is a new object each time: compare its members, not its identity.
        if (String(values.measures) === String(initial.measures)) delete input.measures;
        if (Object.keys(input).length > 0) await update({ variables: { id: trusteeship.id, input } });
        void message.success(t('common.saved'));
        props.onSaved?.(trusteeship.id);
      } else {
        const input = Object.fromEntries(
          Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
        ) as unknown as CreateTrusteeshipInput;
        const result = await create({
          variables: { input },
          update: (cache) => cache.evict({ fieldName: 'trusteeships' }),
        });
        // A lead-side proposal is pending until the partner's district decides: say so.
        if (result.data!.createTrusteeship.approval === 'PENDING') void message.info(t('approval.proposed'), 8);
        else void message.success(t('trusteeships.created'));
        props.onSaved?.(result.data!.createTrusteeship.id);
      }
      props.onClose();
    });

  const required = [{ required: true, message: t('trusteeships.rule.required') }];
  return (
    <FormModal<Values>
      width={720}
      title={trusteeship ? t('trusteeships.edit') : t('trusteeships.create')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={initial}
      onFinish={(values) => void save(values)}
      onClose={props.onClose}
      testId="trusteeship-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="leadSchoolId" label={t('trusteeships.field.leadSchool')} rules={required}>
            <SchoolPicker disabled={fixed} initial={trusteeship?.leadSchool} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="partnerSchoolId"
            label={t('trusteeships.field.partnerSchool')}
            dependencies={['leadSchoolId']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, v?: string) =>
                  !v || v !== getFieldValue('leadSchoolId')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('trusteeships.rule.sameSchool'))),
              }),
            ]}
          >
            <SchoolPicker disabled={fixed} initial={trusteeship?.partnerSchool} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="mode" label={t('trusteeships.field.mode')} rules={required}>
            <Select
              disabled={fixed}
              options={Object.values(TrusteeshipMode).map((v) => ({
                value: v,
                label: t(`trusteeships.enum.mode.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startDate" label={t('trusteeships.field.startDate')} rules={required}>
            <Input type="date" disabled={fixed} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="plannedEndDate"
            label={t('trusteeships.field.plannedEndDate')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: string | null) => {
                  const start = getFieldValue('startDate') as string | undefined;
                  return !v || !start || v >= start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('trusteeships.rule.endBeforeStart')));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="measures" label={t('trusteeships.field.measures')}>
            <Select
              mode="multiple"
              options={Object.values(TrusteeshipMeasure).map((v) => ({
                value: v,
                label: t(`trusteeships.enum.measure.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="agreementRef"
            label={t('trusteeships.field.agreementRef')}
            rules={[{ max: 100, message: t('trusteeships.rule.agreementRef') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="notes"
            label={t('trusteeships.field.notes')}
            rules={[{ max: 5000, message: t('trusteeships.rule.notes') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
