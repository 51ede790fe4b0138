import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { SchoolLocality, SchoolStage, type UpdateSchoolInput } from '../../gql/graphql';
import { changedValues, serverFieldErrors } from '@zhuji/client/field-errors';

export const SchoolForm_SchoolFragment = graphql(`
  fragment SchoolForm_School on School {
    id
    code
    name
    stage
    locality
    isTownSeat
    studentCount
    classCount
    address
    foundedYear
    isBoarding
    providesLunch
    runsSchoolBus
  }
`);

const UpdateSchoolMutation = graphql(`
  mutation SchoolFormUpdate($id: ID!, $input: UpdateSchoolInput!) {
    updateSchool(id: $id, input: $input) {
      id
      ...SchoolForm_School
    }
  }
`);

type Values = Required<
  Pick<
    UpdateSchoolInput,
    | 'code'
    | 'name'
    | 'stage'
    | 'locality'
    | 'isTownSeat'
    | 'studentCount'
    | 'classCount'
    | 'address'
    | 'foundedYear'
    | 'isBoarding'
    | 'providesLunch'
    | 'runsSchoolBus'
  >
>;
const FIELDS = [
  'code',
  'name',
  'stage',
  'locality',
  'isTownSeat',
  'studentCount',
  'classCount',
  'address',
  'foundedYear',
  'isBoarding',
  'providesLunch',
  'runsSchoolBus',
] as const satisfies readonly (keyof Values)[];

/**
 * The school's editable fields, validated here as the server validates them (code 10 digits,
 * name 2–100, counts ≥ 0), with the server's own field errors shown on the field they name.
 * `canEdit` comes from the server's viewerCan, never guessed.
 */
export function SchoolForm(props: { school: FragmentType<typeof SchoolForm_SchoolFragment>; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const school = getFragmentData(SchoolForm_SchoolFragment, props.school);
  const [form] = Form.useForm<Values>();
  const [update, { loading }] = useMutation(UpdateSchoolMutation);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const initial = useMemo<Values>(
    () => Object.fromEntries(FIELDS.map((f) => [f, school[f] ?? null])) as Values,
    [school],
  );

  const count: Rule[] = [
    { required: true, message: t('school.rule.required') },
    { type: 'integer', min: 0, message: t('school.rule.count') },
  ];

  const save = async (values: Values) => {
    setOtherErrors([]);
    const input = changedValues(initial, values);
    if (Object.keys(input).length === 0) return;
    try {
      await update({ variables: { id: school.id, input } });
      void message.success(t('common.saved'));
    } catch (e) {
      const { fields, other } = serverFieldErrors(e as ErrorLike, FIELDS, i18n.language);
      form.setFields(fields);
      setOtherErrors(other.length || fields.length ? other : [t('school.saveFailed')]);
    }
  };

  const checkbox = (name: keyof Values) => (
    <Form.Item name={name} valuePropName="checked" noStyle>
      <Checkbox>{t(`school.field.${name}`)}</Checkbox>
    </Form.Item>
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={!props.canEdit}
      onFinish={(values) => void save(values)}
      data-testid="school-form"
    >
      {otherErrors.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={otherErrors.join('；')} />
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('school.field.code')}
            rules={[{ required: true, pattern: /^\d{10}$/, message: t('school.rule.code') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('school.field.name')}
            rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('school.rule.name') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="stage"
            label={t('school.field.stage')}
            rules={[{ required: true, message: t('school.rule.required') }]}
          >
            <Select options={Object.values(SchoolStage).map((v) => ({ label: t(`enums.stage.${v}`), value: v }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="locality"
            label={t('school.field.locality')}
            rules={[{ required: true, message: t('school.rule.required') }]}
          >
            <Select
              options={Object.values(SchoolLocality).map((v) => ({ label: t(`enums.locality.${v}`), value: v }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="foundedYear"
            label={t('school.field.foundedYear')}
            rules={[{ type: 'integer', min: 1800, max: 2100 }]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="studentCount" label={t('school.field.studentCount')} rules={count}>
            <InputNumber style={{ width: '100%' }} data-testid="studentCount" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="classCount" label={t('school.field.classCount')} rules={count}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="address" label={t('school.field.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        {checkbox('isTownSeat')}
        {checkbox('isBoarding')}
        {checkbox('providesLunch')}
        {checkbox('runsSchoolBus')}
      </Space>
      {props.canEdit ? (
        <Space style={{ display: 'flex' }}>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="save">
            {t('common.save')}
          </Button>
          <Button htmlType="button" onClick={() => form.resetFields()}>
            {t('common.reset')}
          </Button>
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('school.readOnly')} />
      )}
    </Form>
  );
}
