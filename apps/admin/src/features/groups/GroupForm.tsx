import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { CollaborationGroupKind, type CreateCollaborationGroupInput } from '../../gql/graphql';
import { changedValues, serverFieldErrors } from '@zhuji/client/field-errors';
import { SchoolSelect } from '../teachers/RecordKit';

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
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const group = getFragmentData(GroupForm_GroupFragment, props.group);
  const [form] = Form.useForm<Values>();
  const [create, created] = useMutation(CreateGroupMutation);
  const [update, updated] = useMutation(UpdateGroupMutation);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
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

  const save = async (values: Values) => {
    setOtherErrors([]);
    try {
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
    } catch (e) {
      const { fields, other } = serverFieldErrors(e as ErrorLike, FIELDS, i18n.language);
      form.setFields(fields);
      setOtherErrors(other.length || fields.length ? other : [t('groups.saveFailed')]);
    }
  };

  return (
    <Modal
      open
      width={620}
      title={group ? `${t('groups.edit')} · ${group.name}` : t('groups.create')}
      okText={t('common.save')}
      cancelText={t('teachers.kit.cancel')}
      okButtonProps={{ 'data-testid': 'save', loading: created.loading || updated.loading } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void save(values)}
        data-testid="group-form"
      >
        {otherErrors.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={otherErrors.join('；')} />
        )}
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
          <SchoolSelect disabled={Boolean(group)} initial={group?.leadSchool} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('groups.field.description')}
          rules={[{ max: 2000, message: t('groups.rule.description') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
