import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { setToken } from '../session';
import { errorMessage } from '../errors';
import { LanguageSwitch } from './LanguageSwitch';
import type { ErrorLike } from '@apollo/client';

const LoginMutation = graphql(`
  mutation LoginPageLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
    }
  }
`);

/** Only same-app paths may be a target after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign-in for either app: `login.title` names the app; `?next=` is where to go after. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LoginMutation);
  const [error, setError] = useState<ErrorLike>();

  const submit = async (values: { username: string; password: string }) => {
    setError(undefined);
    try {
      const { data } = await login({ variables: values });
      if (!data) return;
      setToken(data.login.token);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(e as ErrorLike);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 'min(380px, calc(100vw - 32px))' }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <LanguageSwitch short />
          </Space>
          {params.get('expired') && <Alert type="warning" showIcon title={t('login.expired')} data-testid="expired" />}
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('login.failed')}
              description={errorMessage(error, i18n.language)}
            />
          )}
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loading}>
              {t('login.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
