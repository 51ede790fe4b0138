import { useMemo, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DraftNotices, draftKey, isConflict, QueryState, useFormDraft } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import type { RectificationStatus } from '../../gql/graphql';

const ItemQuery = graphql(`
  query PortalLedgerItem($id: ID!) {
    rectificationItem(id: $id) {
      id
      problem
      standardItem
      standardDetail
      measures
      owner
      deadline
      fundSource
      fundAmount
      status
      overdue
      evidence
      closedOn
      school {
        id
        name
      }
      statusHistory {
        at
        fromStatus
        toStatus
        note
        username
      }
    }
    # The status form is offered only where changeRectificationStatus would be accepted.
    canUpdate: viewerCan(action: LEDGER_UPDATE, id: $id)
  }
`);

const ChangeStatus = graphql(`
  mutation PortalChangeLedgerStatus($id: ID!, $input: ChangeRectificationStatusInput!) {
    changeRectificationStatus(id: $id, input: $input) {
      id
      status
      overdue
      evidence
      closedOn
      statusHistory {
        at
        fromStatus
        toStatus
        note
        username
      }
    }
  }
`);

interface StatusForm {
  status: RectificationStatus;
  evidence: string;
  note: string;
}
const FIELDS = ['status', 'evidence', 'note'] as const;

/**
 * One ledger item: its facts and history, and the status change with evidence notes. What is
 * typed is kept as a draft on the device; a change made from a stale screen (someone changed
 * the status meanwhile) is shown beside the current one, not saved over it.
 */
export function LedgerItemPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(ItemQuery, { variables: { id } });
  const [change, { loading: saving }] = useMutation(ChangeStatus);
  const [form] = Form.useForm<StatusForm>();
  const [saveError, setSaveError] = useState<ErrorLike | null>(null);
  const item = data?.rectificationItem;

  const server = useMemo(
    () =>
      item
        ? { values: { status: item.status, evidence: item.evidence ?? '', note: '' }, base: item.status as string }
        : null,
    [item],
  );
  const draft = useFormDraft<StatusForm>(item ? draftKey('ledger-status', item.id) : null, server, FIELDS);

  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  if (!item || !draft.ready || !draft.initialValues) return <QueryState error={new Error(t('app.notFound'))} />;

  const save = async (values: StatusForm) => {
    setSaveError(null);
    try {
      const { data: saved } = await change({
        variables: {
          id: item.id,
          input: {
            status: values.status,
            evidence: values.evidence.trim() || null,
            note: values.note.trim() || null,
            expectedStatus: draft.base as RectificationStatus,
          },
        },
      });
      if (!saved) return;
      draft.saved(saved.changeRectificationStatus.status);
      form.setFieldsValue({ note: '' });
      void message.success(t('common.saved'));
    } catch (e) {
      const err = e as ErrorLike;
      if (isConflict(err)) {
        const { data: fresh } = await client.query({
          query: ItemQuery,
          variables: { id },
          fetchPolicy: 'network-only',
        });
        const now = fresh?.rectificationItem;
        if (now) draft.showConflict(values, { status: now.status, evidence: now.evidence ?? '', note: '' }, now.status);
      } else {
        setSaveError(err);
      }
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="ledger-problem">
        {item.problem}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('ledger.school')}>{item.school.name}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.standardItem')}>
          {t(`enums.standardItem.${item.standardItem}`)}
          {item.standardDetail ? ` · ${item.standardDetail}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.deadline')}>
          {item.deadline} {item.overdue && <Typography.Text type="danger">{t('ledger.overdue')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.owner')}>{item.owner}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.measures')}>{item.measures}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.status')}>
          <span data-testid="ledger-status" data-status={item.status}>
            {t(`enums.ledgerStatus.${item.status}`)}
          </span>
          {item.closedOn ? ` · ${item.closedOn}` : ''}
        </Descriptions.Item>
      </Descriptions>
      <DraftNotices<StatusForm>
        draft={draft}
        labels={{ status: t('ledger.status'), evidence: t('ledger.evidence'), note: t('ledger.note') }}
        formats={{ status: (s) => t(`enums.ledgerStatus.${s}`) }}
        server={server?.values ?? null}
        apply={(values) => form.setFieldsValue(values)}
        saveError={saveError}
      />
      {data.canUpdate && (
        <Card size="small" title={t('ledger.changeStatus')}>
          <Form<StatusForm>
            form={form}
            layout="vertical"
            initialValues={draft.initialValues}
            onValuesChange={(_, all) => draft.record(all)}
            onFinish={(values) => void save(values)}
          >
            <Form.Item name="status" label={t('ledger.status')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['OPEN', 'IN_PROGRESS', 'DONE'] as const).map((s) => ({
                  value: s,
                  label: t(`enums.ledgerStatus.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="evidence" label={t('ledger.evidence')} extra={t('ledger.evidenceHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="ledger-evidence" />
            </Form.Item>
            <Form.Item name="note" label={t('ledger.note')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} block data-testid="ledger-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('ledger.history')}>
        <Timeline
          items={[...item.statusHistory].reverse().map((h) => ({
            content: (
              <Flex vertical>
                <Typography.Text>
                  {h.fromStatus ? `${t(`enums.ledgerStatus.${h.fromStatus}`)} → ` : ''}
                  {t(`enums.ledgerStatus.${h.toStatus}`)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {new Date(h.at).toLocaleString(i18n.language)} · {h.username ?? '—'}
                  {h.note ? ` · ${h.note}` : ''}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}
