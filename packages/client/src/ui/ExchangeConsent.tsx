import { useState } from 'react';
import type { ErrorLike } from '@apollo/client';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';

export type ExchangeConsentValue = 'PROPOSED' | 'CONFIRMED' | 'DECLINED';

const COLOR: Record<ExchangeConsentValue, string> = { PROPOSED: 'gold', CONFIRMED: 'green', DECLINED: 'default' };

/** 待确认 / 已确认 / 已拒绝: whether the teacher's own school agreed to the exchange. */
export function ExchangeConsentTag({ consent }: { consent: ExchangeConsentValue }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLOR[consent]} data-testid="exchange-consent">
      {t(`exchangeConsent.${consent}`)}
    </Tag>
  );
  return consent === 'PROPOSED' ? <Tooltip title={t('exchangeConsent.proposedHint')}>{tag}</Tooltip> : tag;
}

/**
 * 确认 / 拒绝 for a proposed exchange, shown only where the server's viewerCan says so
 * (EXCHANGE_CONFIRM, EXCHANGE_DECLINE): confirming asks first, declining asks for a reason.
 */
export function ExchangeConsentActions({
  canConfirm,
  canDecline,
  confirm,
  decline,
  onDone,
}: {
  canConfirm: boolean;
  canDecline: boolean;
  confirm: () => Promise<unknown>;
  decline: (comment: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      onDone();
      return true;
    } catch (e) {
      void message.error(`${t('exchangeConsent.failed')}: ${errorMessage(e as ErrorLike, i18n.language)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  if (!canConfirm && !canDecline) return null;
  return (
    <Space size={8}>
      {canConfirm && (
        <Popconfirm
          title={t('exchangeConsent.confirmHint')}
          okText={t('exchangeConsent.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(confirm, t('exchangeConsent.confirmed'))}
        >
          <Button type="primary" loading={busy} data-testid="exchange-confirm">
            {t('exchangeConsent.confirm')}
          </Button>
        </Popconfirm>
      )}
      {canDecline && (
        <Button danger onClick={() => setDeclining(true)} data-testid="exchange-decline">
          {t('exchangeConsent.decline')}
        </Button>
      )}
      <Modal
        open={declining}
        title={t('exchangeConsent.declineTitle')}
        okText={t('exchangeConsent.decline')}
        okButtonProps={{ danger: true, loading: busy }}
        cancelText={t('common.cancel')}
        onCancel={() => setDeclining(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ comment }) => {
            if (await run(() => decline(comment.trim()), t('exchangeConsent.declined'))) setDeclining(false);
          }}
        >
          <Form.Item
            name="comment"
            label={t('exchangeConsent.comment')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 500,
                message: t('exchangeConsent.commentRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="exchange-decline-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
