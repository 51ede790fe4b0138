import { useMemo } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { BackboneLevel, Degree, Gender, Title, type CreateTeacherInput } from '../../gql/graphql';
import { changedValues } from '@zhuji/client/field-errors';
import { FormModal, useFormSave } from '../../app/records/forms';
import { isValidIdNumber } from './id-number';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

export const TeacherForm_TeacherFragment = graphql(`
  fragment TeacherForm_Teacher on Teacher {
    id
    staffNumber
    name
    gender
    subject
    isFullTime
    degree
    title
    backboneLevel
    isRenowned
    hireDate
    idNumber
    phone
    birthDate
    school {
      id
      name
    }
  }
`);

const CreateTeacherMutation = graphql(`
  mutation TeacherFormCreate($input: CreateTeacherInput!) {
    createTeacher(input: $input) {
      id
    }
  }
`);

const UpdateTeacherMutation = graphql(`
  mutation TeacherFormUpdate($id: ID!, $input: UpdateTeacherInput!) {
    updateTeacher(id: $id, input: $input) {
      id
      ...TeacherForm_Teacher
    }
  }
`);

const TeacherCreatePermission = graphql(`
  query TeacherCreatePermission {
    canCreate: viewerCan(action: TEACHER_CREATE)
  }
`);

/** Whether the viewer may add teachers anywhere in their scope (the server decides per school). */
export function useTeacherPermissions(): { create: boolean } {
  const { data } = useQuery(TeacherCreatePermission, { fetchPolicy: 'cache-first' });
  return { create: data?.canCreate ?? false };
}

type Values = Required<Omit<CreateTeacherInput, 'schoolId'>> & { schoolId: string };
const PERSONAL = ['idNumber', 'phone', 'birthDate'] as const;
const FIELDS = [
  'schoolId',
  'staffNumber',
  'name',
  'gender',
  'subject',
  'isFullTime',
  'degree',
  'title',
  'backboneLevel',
  'isRenowned',
  'hireDate',
  ...PERSONAL,
] as const satisfies readonly (keyof Values)[];

/** The server's rules (apps/server teacher.inputs.ts), checked before the round trip. */
export function teacherRules(tr: TFunction): Record<string, Rule[]> {
  return {
    required: [{ required: true, message: tr('teachers.rule.required') }],
    staffNumber: [{ required: true, pattern: /^[A-Za-z0-9-]{1,32}$/, message: tr('teachers.rule.staffNumber') }],
    name: [{ required: true, whitespace: true, min: 1, max: 50, message: tr('teachers.rule.name') }],
    subject: [{ min: 1, max: 32, message: tr('teachers.rule.subject') }],
    idNumber: [
      {
        validator: (_, value?: string | null) =>
          !value || isValidIdNumber(value)
            ? Promise.resolve()
            : Promise.reject(new Error(tr('teachers.rule.idNumber'))),
      },
    ],
    phone: [{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: tr('teachers.rule.phone') }],
  };
}

/**
 * Creates a teacher (no `teacher`) or edits one, in a modal. Only changed fields are sent;
 * the server's field errors land under their fields. Personal fields are offered only when
 * the server lets the viewer read them (`canEditPersonal`): a masked value must never be
 * sent back as if it were the real one.
 */
export function TeacherFormModal(props: {
  teacher?: FragmentType<typeof TeacherForm_TeacherFragment>;
  canEditPersonal?: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teacher = getFragmentData(TeacherForm_TeacherFragment, props.teacher);
  const personal = !teacher || props.canEditPersonal;
  const fields = useMemo(
    () => FIELDS.filter((f) => personal || !(PERSONAL as readonly string[]).includes(f)),
    [personal],
  );
  const [form] = Form.useForm<Values>();
  const [create] = useMutation(CreateTeacherMutation);
  const [update] = useMutation(UpdateTeacherMutation);
  const { errors, saving, run } = useFormSave(form, fields);
  const rules = teacherRules(t);

  const initial = useMemo<Partial<Values>>(() => {
    if (!teacher)
      return {
        isFullTime: true,
        isRenowned: false,
        title: Title.Unranked,
        backboneLevel: BackboneLevel.None,
      };
    const values: Record<string, unknown> = { schoolId: teacher.school?.id };
    for (const f of fields) if (f !== 'schoolId') values[f] = teacher[f] ?? null;
    return values as Partial<Values>;
  }, [teacher, fields]);

  const save = (values: Values) =>
    run(async () => {
      if (teacher) {
        const { schoolId: _school, ...input } = changedValues(initial as Values, values);
        if (Object.keys(input).length > 0) await update({ variables: { id: teacher.id, input } });
        void message.success(t('common.saved'));
        props.onSaved?.(teacher.id);
      } else {
        const input = Object.fromEntries(
          Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
        ) as unknown as CreateTeacherInput;
        const result = await create({
          variables: { input },
          update: (cache) => cache.evict({ fieldName: 'teachers' }),
        });
        void message.success(t('teachers.created'));
        props.onSaved?.(result.data!.createTeacher.id);
      }
      props.onClose();
    });

  const enumSelect = <V extends string>(values: readonly V[], label: (v: V) => string) => (
    <Select options={values.map((v) => ({ value: v, label: label(v) }))} />
  );
  return (
    <FormModal<Values>
      width={760}
      title={teacher ? `${t('teachers.edit')} · ${teacher.name}` : t('teachers.create')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={initial}
      onFinish={(values) => void save(values)}
      onClose={props.onClose}
      testId="teacher-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="schoolId" label={t('teachers.field.school')} rules={rules.required}>
            <SchoolPicker disabled={Boolean(teacher)} initial={teacher?.school} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="staffNumber" label={t('teachers.field.staffNumber')} rules={rules.staffNumber}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="name" label={t('teachers.field.name')} rules={rules.name}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="gender" label={t('teachers.field.gender')} rules={rules.required}>
            {enumSelect(Object.values(Gender), (v) => t(`teachers.enum.gender.${v}`))}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="subject" label={t('teachers.field.subject')} rules={rules.subject}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="degree" label={t('teachers.field.degree')} rules={rules.required}>
            {enumSelect(Object.values(Degree), (v) => t(`teachers.enum.degree.${v}`))}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="title" label={t('teachers.field.title')} rules={rules.required}>
            {enumSelect(Object.values(Title), (v) => t(`teachers.enum.title.${v}`))}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="backboneLevel" label={t('teachers.field.backboneLevel')} rules={rules.required}>
            {enumSelect(Object.values(BackboneLevel), (v) => t(`teachers.enum.backboneLevel.${v}`))}
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="hireDate" label={t('teachers.field.hireDate')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        {personal && (
          <>
            <Col span={12}>
              <Form.Item name="idNumber" label={t('teachers.field.idNumber')} rules={rules.idNumber}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="phone" label={t('teachers.field.phone')} rules={rules.phone}>
                <Input maxLength={13} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="birthDate" label={t('teachers.field.birthDate')}>
                <Input type="date" />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Space size="large">
        <Form.Item name="isFullTime" valuePropName="checked" noStyle>
          <Checkbox>{t('teachers.field.isFullTime')}</Checkbox>
        </Form.Item>
        <Form.Item name="isRenowned" valuePropName="checked" noStyle>
          <Checkbox>{t('teachers.field.isRenowned')}</Checkbox>
        </Form.Item>
      </Space>
    </FormModal>
  );
}
