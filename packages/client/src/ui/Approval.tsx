import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { App, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { errorMessage } from '../errors';

/**
 * A relation's approval (trusteeships, group memberships) as both clients show it, and the
 * decision buttons the partner (member) school's district sees. Whether they show is the
 * server's answer (`viewerCan(TRUSTEESHIP_APPROVE | GROUP_MEMBERSHIP_APPROVE, id)`), never
 * worked out here; the relation must still be pending.
 */

export type Approval = 'PENDING' | 'APPROVED' | 'DECLINED';

const COLOR: Record<Approval, string> = { PENDING: 'gold', APPROVED: 'green', DECLINED: 'red' };

export function ApprovalTag({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[approval]} data-testid="approval">
      {t(`enums.approval.${approval}`)}
    </Tag>
  );
}

const ApproveTrusteeship = graphql(`
  mutation ApprovalApproveTrusteeship($input: RelationDecisionInput!) {
    approveTrusteeship(input: $input) {
      id
      approval
      decidedByName
      decidedAt
      decisionComment
    }
  }
`);
const DeclineTrusteeship = graphql(`
  mutation ApprovalDeclineTrusteeship($input: RelationDecisionInput!) {
    declineTrusteeship(input: $input) {
      id
      approval
      decidedByName
      decidedAt
      decisionComment
    }
  }
`);
const ApproveMembership = graphql(`
  mutation ApprovalApproveMembership($input: RelationDecisionInput!) {
    approveGroupMembership(input: $input) {
      id
      approval
      decidedByName
      decidedAt
      decisionComment
    }
  }
`);
const DeclineMembership = graphql(`
  mutation ApprovalDeclineMembership($input: RelationDecisionInput!) {
    declineGroupMembership(input: $input) {
      id
      approval
      decidedByName
      decidedAt
      decisionComment
    }
  }
`);
/** Approve / decline buttons, each confirmed in a dialog with an optional comment. */
export function ApprovalActions(props: {
  kind: 'trusteeship' | 'membership';
  id: string;
  approval: Approval;
  canDecide: boolean;
  onDecided?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'approve' | 'decline' | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [approveT, approvingT] = useMutation(ApproveTrusteeship);
  const [declineT, decliningT] = useMutation(DeclineTrusteeship);
  const [approveM, approvingM] = useMutation(ApproveMembership);
  const [declineM, decliningM] = useMutation(DeclineMembership);
  if (!props.canDecide || props.approval !== 'PENDING') return null;
  const busy = approvingT.loading || decliningT.loading || approvingM.loading || decliningM.loading;

  const submit = async () => {
    const variables = { input: { id: props.id, comment: comment.trim() || null } };
    const run =
      props.kind === 'trusteeship'
        ? deciding === 'approve'
          ? approveT
          : declineT
        : deciding === 'approve'
          ? approveM
          : declineM;
    try {
      await run({ variables });
      message.success(t(deciding === 'approve' ? 'approval.approved' : 'approval.declined'));
      setDeciding(null);
      setComment('');
      setError(null);
      props.onDecided?.();
    } catch (e) {
      setError(errorMessage(e as ErrorLike, i18n.language));
    }
  };

  return (
    <>
      <Space size="small">
        <Button type="primary" size="small" onClick={() => setDeciding('approve')} data-testid="approve">
          {t('approval.approve')}
        </Button>
        <Button danger size="small" onClick={() => setDeciding('decline')} data-testid="decline">
          {t('approval.decline')}
        </Button>
      </Space>
      <Modal
        open={deciding !== null}
        title={t(deciding === 'decline' ? 'approval.decline' : 'approval.approve')}
        okText={t(deciding === 'decline' ? 'approval.decline' : 'approval.approve')}
        okButtonProps={{ danger: deciding === 'decline', loading: busy, ...{ 'data-testid': 'decision-ok' } }}
        onOk={() => void submit()}
        onCancel={() => {
          setDeciding(null);
          setError(null);
        }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t(deciding === 'decline' ? 'approval.declineConfirm' : 'approval.approveConfirm')}
          </Typography.Text>
          <Input.TextArea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={500}
            placeholder={t('approval.commentPlaceholder')}
            aria-label={t('approval.comment')}
            data-testid="decision-comment"
          />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Space>
      </Modal>
    </>
  );
}
