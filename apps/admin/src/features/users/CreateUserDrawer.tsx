import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import type { ErrorLike } from '@apollo/client';
import { graphql } from '../../gql';
import { GrantFields, grantInput, type GrantValues } from './GrantFields';

const CreateUserMutation = graphql(`
  mutation CreateUserDrawer($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`);

interface Values {
  username: string;
  displayName: string;
  password: string;
  grant: GrantValues;
}

// Grant errors (input.grants.0.schoolId) are shown above the form.
const FIELDS = ['username', 'displayName', 'password'] as const;

/** A new account with its first grant; the server decides whether the admin may grant it. */
export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [other, setOther] = useState<string[]>([]);
  const [create, { loading }] = useMutation(CreateUserMutation, { refetchQueries: ['UserListPage'] });

  const submit = async (values: Values) => {
    setOther([]);
    try {
      const { data } = await create({
        variables: {
          input: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            grants: [grantInput(values.grant)],
          },
        },
      });
      if (!data) return;
      void message.success(t('users.created', { username: data.createUser.username }));
      form.resetFields();
      onClose();
      void navigate(`/users/${encodeURIComponent(data.createUser.id)}`);
    } catch (e) {
      const { fields, other: rest } = serverFieldErrors(e as ErrorLike, FIELDS, i18n.language);
      form.setFields(fields);
      setOther(rest);
    }
  };

  return (
    <Drawer
      title={t('users.create')}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => form.submit()} data-testid="create-user-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {other.length > 0 && (
        <Alert type="error" showIcon role="alert" title={other.join('；')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{3,64}$/, message: t('users.rule.username') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 64, message: t('users.rule.displayName') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[{ required: true, min: 12, max: 128, message: t('users.rule.password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <GrantFields prefix={['grant']} />
      </Form>
    </Drawer>
  );
}
