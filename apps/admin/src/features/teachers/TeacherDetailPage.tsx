import { Result } from 'antd';

/** Placeholder until the page is built: the route and menu are wired. */
export function TeacherDetailPage() {
  return <Result status="info" title="teachers/:id" />;
}
