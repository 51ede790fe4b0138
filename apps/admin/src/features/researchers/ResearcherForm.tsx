import { useMemo } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ResearcherLevel, type CreateResearcherInput } from '../../gql/graphql';
import { changedValues } from '@zhuji/client/field-errors';
import { FormModal, useFormSave } from '../../app/records/forms';
import { DistrictOptionsQuery } from '../teachers/TeacherListPage';

export const ResearcherForm_ResearcherFragment = graphql(`
  fragment ResearcherForm_Researcher on Researcher {
    id
    name
    subject
    level
    district {
      id
      name
    }
  }
`);

const CreateResearcherMutation = graphql(`
  mutation ResearcherFormCreate($input: CreateResearcherInput!) {
    createResearcher(input: $input) {
      id
    }
  }
`);

const UpdateResearcherMutation = graphql(`
  mutation ResearcherFormUpdate($id: ID!, $input: UpdateResearcherInput!) {
    updateResearcher(id: $id, input: $input) {
      id
      ...ResearcherForm_Researcher
    }
  }
`);

type Values = { name: string; subject: string; level: ResearcherLevel; districtId?: string | null };
const FIELDS = ['name', 'subject', 'level', 'districtId'] as const;

/**
 * Creates a researcher (a district researcher belongs to a district, a city one to none) or
 * renames one / changes the subject, as UpdateResearcherInput allows.
 */
export function ResearcherFormModal(props: {
  researcher?: FragmentType<typeof ResearcherForm_ResearcherFragment>;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const researcher = getFragmentData(ResearcherForm_ResearcherFragment, props.researcher);
  const [form] = Form.useForm<Values>();
  const [create] = useMutation(CreateResearcherMutation);
  const [update] = useMutation(UpdateResearcherMutation);
  const districts = useQuery(DistrictOptionsQuery, { fetchPolicy: 'cache-first' });
  const { errors, saving, run } = useFormSave(form, FIELDS);
  const level = Form.useWatch('level', form);
  const initial = useMemo<Partial<Values>>(
    () =>
      researcher
        ? {
            name: researcher.name,
            subject: researcher.subject,
            level: researcher.level,
            districtId: researcher.district?.id ?? null,
          }
        : { level: ResearcherLevel.District },
    [researcher],
  );

  const save = (values: Values) =>
    run(async () => {
      if (researcher) {
        const { name, subject } = changedValues(initial as Values, values);
        const input = Object.fromEntries(Object.entries({ name, subject }).filter(([, v]) => v !== undefined));
        if (Object.keys(input).length > 0) await update({ variables: { id: researcher.id, input } });
        void message.success(t('common.saved'));
        props.onSaved?.(researcher.id);
      } else {
        const input: CreateResearcherInput = {
          name: values.name.trim(),
          subject: values.subject.trim(),
          level: values.level,
          ...(values.level === ResearcherLevel.District ? { districtId: values.districtId } : {}),
        };
        const result = await create({
          variables: { input },
          update: (cache) => cache.evict({ fieldName: 'researchers' }),
        });
        void message.success(t('researchers.created'));
        props.onSaved?.(result.data!.createResearcher.id);
      }
      props.onClose();
    });

  const fixed = Boolean(researcher);
  return (
    <FormModal<Values>
      title={researcher ? `${t('researchers.edit')} · ${researcher.name}` : t('researchers.create')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={initial}
      onFinish={(values) => void save(values)}
      onClose={props.onClose}
      testId="researcher-form"
    >
      <Form.Item
        name="name"
        label={t('researchers.field.name')}
        rules={[{ required: true, whitespace: true, min: 1, max: 50, message: t('researchers.rule.name') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="subject"
        label={t('researchers.field.subject')}
        rules={[{ required: true, whitespace: true, min: 1, max: 32, message: t('researchers.rule.subject') }]}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item
        name="level"
        label={t('researchers.field.level')}
        rules={[{ required: true, message: t('researchers.rule.required') }]}
      >
        <Select
          disabled={fixed}
          options={Object.values(ResearcherLevel).map((v) => ({ value: v, label: t(`researchers.enum.level.${v}`) }))}
        />
      </Form.Item>
      {level === ResearcherLevel.District && (
        <Form.Item
          name="districtId"
          label={t('researchers.field.district')}
          rules={[{ required: true, message: t('researchers.rule.districtForLevel') }]}
        >
          <Select
            disabled={fixed}
            showSearch={{ optionFilterProp: 'label' }}
            loading={districts.loading}
            options={districts.data?.districts.nodes.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
