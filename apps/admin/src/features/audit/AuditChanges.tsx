import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Change = { before?: unknown; after?: unknown };

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `{ field: { before, after } }` as one line per field: 在校生数 412 → 419. */
export function AuditChanges({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes) as [string, Change][];
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      {entries.map(([field, change]) => (
        <div key={field}>
          <Typography.Text code>{field}</Typography.Text>{' '}
          {change && typeof change === 'object' && ('before' in change || 'after' in change) ? (
            <>
              <Typography.Text delete type="secondary">
                {show(change.before, t('audit.empty'))}
              </Typography.Text>
              {' → '}
              <Typography.Text>{show(change.after, t('audit.empty'))}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{show(change, t('audit.empty'))}</Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
