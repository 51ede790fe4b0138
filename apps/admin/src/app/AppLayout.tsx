import { useEffect } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { clearToken, onSessionExpired } from './session';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { ViewerScope } from '../features/auth/ViewerScope';

const ViewerQuery = graphql(`
  query AppLayoutViewer {
    me {
      id
      displayName
      ...ViewerScope_User
    }
  }
`);

const LogoutMutation = graphql(`
  mutation AppLayoutLogout {
    logout
  }
`);

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useApolloClient();
  const { data } = useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
  const [logout] = useMutation(LogoutMutation);

  useEffect(
    () =>
      onSessionExpired(() => {
        void client.clearStore();
        void navigate(`/login?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`, {
          replace: true,
        });
      }),
    [client, navigate, location],
  );

  const signOut = async () => {
    try {
      await logout();
    } finally {
      clearToken();
      await client.clearStore();
      void navigate('/login', { replace: true });
    }
  };

  const selected = location.pathname.startsWith('/schools') ? 'schools' : 'dashboard';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0 }}
          items={[
            { key: 'dashboard', label: <Link to="/">{t('nav.dashboard')}</Link> },
            { key: 'schools', label: <Link to="/schools">{t('nav.schools')}</Link> },
          ]}
        />
        <Space size="middle">
          {data?.me && (
            <Space size="small" data-testid="viewer">
              <Typography.Text style={{ color: '#fff' }}>{data.me.displayName}</Typography.Text>
              <ViewerScope user={data.me} />
            </Space>
          )}
          <Segmented<Language>
            aria-label={t('app.language')}
            size="small"
            value={(LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN'}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={setLanguage}
          />
          <Button size="small" onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
