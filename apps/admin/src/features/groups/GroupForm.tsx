import { useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { CollaborationGroupKind, type CreateCollaborationGroupInput } from '../../gql/graphql';
import { changedValues } from '@zhuji/client/field-errors';
import { FormModal, useFormSave } from '../../app/records/forms';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

export const GroupForm_GroupFragment = graphql(`
  fragment GroupForm_Group on CollaborationGroup {
    id
    name
    kind
    description
    leadSchool {
      id
      name
    }
  }
`);

const CreateGroupMutation = graphql(`
  mutation GroupFormCreate($input: CreateCollaborationGroupInput!) {
    createCollaborationGroup(input: $input) {
      id
    }
  }
`);

const UpdateGroupMutation = graphql(`
  mutation GroupFormUpdate($id: ID!, $input: UpdateCollaborationGroupInput!) {
    updateCollaborationGroup(id: $id, input: $input) {
      id
      ...GroupForm_Group
    }
  }
`);

type Values = { name: string; kind: CollaborationGroupKind; leadSchoolId: string; description: string | null };
const FIELDS = ['name', 'kind', 'leadSchoolId', 'description'] as const;

/**
 * Creates a collaboration group (no `group`) or edits its name, kind and description; the
 * lead school is fixed once created, as the server rules. Rules as the server's
 * (name 2–100, description ≤ 2000), server field errors under their fields.
 */
export function GroupFormModal(props: {
  group?: FragmentType<typeof GroupForm_GroupFragment>;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const group = getFragmentData(GroupForm_GroupFragment, props.group);
  const [form] = Form.useForm<Values>();
  const [create] = useMutation(CreateGroupMutation);
  const [update] = useMutation(UpdateGroupMutation);
  const { errors, saving, run } = useFormSave(form, FIELDS);
  const initial = useMemo<Partial<Values>>(
    () =>
      group
        ? {
            name: group.name,
            kind: group.kind,
            description: group.description ?? null,
            leadSchoolId: group.leadSchool?.id,
          }
        : {},
    [group],
  );

  const save = (values: Values) =>
    run(async () => {
      if (group) {
        const { leadSchoolId: _fixed, ...input } = changedValues(initial as Values, values);
        if (Object.keys(input).length > 0) await update({ variables: { id: group.id, input } });
        void message.success(t('common.saved'));
        props.onSaved?.(group.id);
      } else {
        const input: CreateCollaborationGroupInput = {
          name: values.name.trim(),
          kind: values.kind,
          leadSchoolId: values.leadSchoolId,
          ...(values.description ? { description: values.description } : {}),
        };
        const result = await create({
          variables: { input },
          update: (cache) => cache.evict({ fieldName: 'collaborationGroups' }),
        });
        void message.success(t('groups.created'));
        props.onSaved?.(result.data!.createCollaborationGroup.id);
      }
      props.onClose();
    });

  return (
    <FormModal<Values>
      title={group ? `${t('groups.edit')} · ${group.name}` : t('groups.create')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={initial}
      onFinish={(values) => void save(values)}
      onClose={props.onClose}
      testId="group-form"
    >
      <Form.Item
        name="name"
        label={t('groups.field.name')}
        rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('groups.rule.name') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('groups.field.kind')}
        rules={[{ required: true, message: t('groups.rule.required') }]}
      >
        <Select
          options={Object.values(CollaborationGroupKind).map((v) => ({
            value: v,
            label: t(`groups.enum.kind.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="leadSchoolId"
        label={t('groups.field.leadSchool')}
        extra={group ? t('groups.leadSchoolFixed') : undefined}
        rules={[{ required: true, message: t('groups.rule.required') }]}
      >
        <SchoolPicker disabled={Boolean(group)} initial={group?.leadSchool} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('groups.field.description')}
        rules={[{ max: 2000, message: t('groups.rule.description') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
