import type { ErrorLike } from '@apollo/client';
import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';

/** The loading and error states every page shows the same way. */
export function QueryState({ loading, error, retry }: { loading?: boolean; error?: ErrorLike; retry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('common.error')}
        description={errorMessage(error, i18n.language)}
        action={retry && <Button onClick={retry}>{t('common.retry')}</Button>}
      />
    );
  if (loading)
    return <Spin data-testid="loading" description={t('app.loading')} style={{ display: 'block', margin: 48 }} />;
  return null;
}
