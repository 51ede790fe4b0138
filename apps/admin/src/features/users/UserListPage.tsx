import { Result } from 'antd';

/** Placeholder until the page is built: the route and menu are wired. */
export function UserListPage() {
  return <Result status="info" title="users" />;
}
