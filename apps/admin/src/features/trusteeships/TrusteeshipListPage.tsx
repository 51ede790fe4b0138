import { Result } from 'antd';

/** Placeholder until the page is built: the route and menu are wired. */
export function TrusteeshipListPage() {
  return <Result status="info" title="trusteeships" />;
}
