import './i18n';
import { configureSession } from '@zhuji/client/session';
import { ClientRoot } from '@zhuji/client/ui';
import { router } from './router';

configureSession('admin');

export function App() {
  return <ClientRoot router={router} />;
}
