import { useState } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportQuery, type ExportQueryOptions } from '../export-file';

/**
 * "导出 Excel" for any table: exports every row of the table's connection with its current
 * filters and sort (`exportQuery`), showing a spinner while the file streams and the
 * server's message when it fails. Tests find it by `testId` (`export` unless a screen has two).
 */
export function ExportButton({
  label,
  disabled,
  testId = 'export',
  ...options
}: ExportQueryOptions & { label?: string; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await exportQuery(options);
    } catch (e) {
      void message.error(`${t('common.exportFailed')}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} disabled={disabled} onClick={() => void run()} data-testid={testId}>
      {label ?? t('common.export')}
    </Button>
  );
}
