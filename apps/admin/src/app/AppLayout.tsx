import { useQuery } from '@apollo/client/react';
import { Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch, ViewerScope, useSessionExpiredRedirect, useSignOut } from '@zhuji/client/ui';
import { graphql } from '../gql';

const ViewerQuery = graphql(`
  query AppLayoutViewer {
    me {
      id
      displayName
      grants {
        id
        role
        district {
          id
          name
        }
        school {
          id
          name
        }
      }
    }
    canManageUsers: viewerCan(action: USER_MANAGE)
    canReadAudit: viewerCan(action: AUDIT_READ)
    canImportSchools: viewerCan(action: SCHOOL_CREATE)
    canImportTeachers: viewerCan(action: TEACHER_CREATE)
  }
`);

/**
 * The console's frame: the menu (entries the server says the viewer may use; reading lists
 * is scoped by the server, so every viewer sees them), the viewer's scope, language, sign-out,
 * and the redirect to sign-in when the server ends the session.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data } = useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
  const signOut = useSignOut();
  useSessionExpiredRedirect();

  const link = (key: string, path = `/${key}`) => ({
    key,
    label: (
      <Link to={path} data-testid={`nav-${key}`}>
        {t(`nav.${key}` as 'nav.schools')}
      </Link>
    ),
  });
  const items: MenuProps['items'] = [
    link('dashboard', '/'),
    {
      type: 'group',
      key: 'records',
      label: t('nav.records'),
      children: ['schools', 'teachers', 'groups', 'trusteeships', 'exchanges', 'researchers'].map((k) => link(k)),
    },
    {
      type: 'group',
      key: 'programme',
      label: t('nav.programme'),
      // The school calendar decides which months owe joint research: everyone may read it.
      children: ['towns', 'plans', 'ledger', 'assessments', 'calendar'].map((k) => link(k)),
    },
  ];
  const system = [
    data?.canManageUsers && link('users'),
    data?.canReadAudit && link('audit'),
    (data?.canImportSchools || data?.canImportTeachers) && link('import'),
  ].filter((item) => !!item);
  if (system.length) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: system });

  const selected = location.pathname.split('/')[1] || 'dashboard';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', flex: 1 }}>
          {t('app.title')}
        </Typography.Text>
        <Space size="middle">
          {data?.me && (
            <Space size="small" data-testid="viewer">
              <Typography.Text style={{ color: '#fff' }}>{data.me.displayName}</Typography.Text>
              <ViewerScope grants={data.me.grants} />
            </Space>
          )}
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={184} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
