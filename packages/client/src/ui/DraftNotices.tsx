import type { ErrorLike } from '@apollo/client';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';
import { isNetworkError } from '../drafts';
import { ConflictChoice, type ValueFormats } from './ConflictChoice';
import type { useFormDraft } from './useFormDraft';

/**
 * What a form with a draft tells its user above the fields: a conflict to settle, a draft
 * restored from this device (with a way to drop it), or a save that failed, saying whether
 * the connection dropped (the draft is kept) or the server refused.
 */
export function DraftNotices<T extends object>({
  draft,
  labels,
  formats,
  server,
  apply,
  saveError,
}: {
  draft: ReturnType<typeof useFormDraft<T>>;
  labels: Partial<Record<keyof T, string>>;
  formats?: ValueFormats<T>;
  /** the server's values, shown again when the user discards the draft */
  server: T | null;
  /** puts values into the form */
  apply: (values: T) => void;
  saveError?: ErrorLike | null;
}) {
  const { t, i18n } = useTranslation();
  const offline = isNetworkError(saveError);
  return (
    <Flex vertical gap={12}>
      {draft.conflict && (
        <ConflictChoice
          conflict={draft.conflict}
          labels={labels}
          formats={formats}
          onKeepMine={() => {
            const mine = draft.keepMine();
            if (mine) apply(mine);
          }}
          onTakeTheirs={() => {
            const theirs = draft.takeTheirs();
            if (theirs) apply(theirs);
          }}
        />
      )}
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('drafts.restored', { time: new Date(draft.restoredAt).toLocaleString(i18n.language) })}
          action={
            server && (
              <Button
                size="small"
                onClick={() => {
                  draft.clear();
                  apply(server);
                }}
              >
                {t('drafts.discard')}
              </Button>
            )
          }
        />
      )}
      {saveError && (
        <Alert
          type={offline ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid={offline ? 'save-offline' : 'save-error'}
          title={offline ? t('drafts.offline') : errorMessage(saveError, i18n.language)}
        />
      )}
    </Flex>
  );
}
