import { Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch, useSessionExpiredRedirect, useSignOut, ViewerScope } from '@zhuji/client/ui';
import { useViewer, type PortalRole } from './viewer';

type NavKey = 'home' | 'schools' | 'collaboration' | 'plans' | 'ledger' | 'research';
const PATHS: Record<NavKey, string> = {
  home: '/',
  schools: '/schools',
  collaboration: '/collaboration',
  plans: '/plans',
  ledger: '/ledger',
  research: '/research',
};
const ICONS: Record<NavKey, string> = {
  home: '⌂',
  schools: '▦',
  collaboration: '⇄',
  plans: '☰',
  ledger: '✓',
  research: '✎',
};

/** The screens each role works in; a viewer with several roles gets the union. */
const NAV_BY_ROLE: Record<PortalRole, NavKey[]> = {
  GROUP_LEADER: ['schools', 'collaboration', 'ledger'],
  SCHOOL_STAFF: ['schools', 'plans', 'ledger'],
  RESEARCHER: ['research', 'schools'],
};

export function navFor(roles: PortalRole[]): NavKey[] {
  const keys: NavKey[] = ['home'];
  for (const role of roles) for (const key of NAV_BY_ROLE[role]) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/**
 * The portal's frame. On a phone: a slim header and a bottom tab bar within thumb reach; on
 * a desktop: a side menu. Also the viewer's scope, language, sign-out and the redirect to
 * sign-in when the server ends the session.
 */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { me, roles } = useViewer();
  const signOut = useSignOut();
  useSessionExpiredRedirect();

  const keys = navFor(roles);
  const first = location.pathname.split('/')[1] ?? '';
  const selected = (keys.find((k) => k !== 'home' && PATHS[k] === `/${first}`) ?? 'home') as NavKey;

  const header = (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        paddingInline: phone ? 12 : 24,
        position: phone ? 'static' : 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Typography.Text strong style={{ color: '#fff', fontSize: phone ? 16 : 18, whiteSpace: 'nowrap', flex: 1 }}>
        {t('app.title')}
      </Typography.Text>
      {me && !phone && (
        <Flex gap={8} align="center" data-testid="viewer">
          <Typography.Text style={{ color: '#fff' }}>{me.displayName}</Typography.Text>
          <ViewerScope grants={me.grants} />
        </Flex>
      )}
      <LanguageSwitch short={phone} />
      <Button size="small" onClick={() => void signOut()} data-testid="sign-out">
        {t('app.signOut')}
      </Button>
    </Layout.Header>
  );

  if (phone) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout.Content style={{ padding: 12, paddingBottom: 84, minWidth: 0 }}>
          {me && (
            <Flex wrap gap={4} style={{ marginBottom: 8 }} data-testid="viewer">
              <ViewerScope grants={me.grants} />
            </Flex>
          )}
          <Outlet />
        </Layout.Content>
        <nav
          aria-label={t('nav.label')}
          data-testid="tab-bar"
          style={{
            position: 'fixed',
            insetInline: 0,
            bottom: 0,
            display: 'flex',
            background: '#fff',
            borderTop: '1px solid #f0f0f0',
            paddingBottom: 'env(safe-area-inset-bottom)',
            zIndex: 10,
          }}
        >
          {keys.map((key) => (
            <Link
              key={key}
              to={PATHS[key]}
              data-testid={`nav-${key}`}
              aria-current={key === selected ? 'page' : undefined}
              style={{
                flex: 1,
                minHeight: 56,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                fontSize: 12,
                color: key === selected ? '#1677ff' : '#595959',
              }}
            >
              <span aria-hidden style={{ fontSize: 18, lineHeight: 1.2 }}>
                {ICONS[key]}
              </span>
              {t(`nav.${key}`)}
            </Link>
          ))}
        </nav>
      </Layout>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {header}
      <Layout>
        <Layout.Sider width={184} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            style={{ height: '100%' }}
            items={keys.map((key) => ({
              key,
              label: (
                <Link to={PATHS[key]} data-testid={`nav-${key}`}>
                  {t(`nav.${key}`)}
                </Link>
              ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0, maxWidth: 1200 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
