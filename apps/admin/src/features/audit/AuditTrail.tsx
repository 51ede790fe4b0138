import { useQuery } from '@apollo/client/react';
import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { AuditChanges } from './AuditChanges';
import { formatDateTime } from '@zhuji/client/format';

const AuditTrailQuery = graphql(`
  query AuditTrail($recordId: ID!, $after: String) {
    auditEntries(filter: { recordId: $recordId }, first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        at
        action
        username
        changes
        requestId
      }
    }
  }
`);

const CanReadQuery = graphql(`
  query AuditTrailCanRead {
    viewerCan(action: AUDIT_READ)
  }
`);

/**
 * One record's history, newest first, for detail pages. Only bureau admins may read the
 * audit log: everyone else sees why, not an error.
 */
export function AuditTrail({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const canRead = useQuery(CanReadQuery, { fetchPolicy: 'cache-first' });
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditTrailQuery, {
    variables: { recordId },
    skip: !canRead.data?.viewerCan,
  });
  if (canRead.data && !canRead.data.viewerCan) return <Alert type="info" showIcon title={t('audit.notAllowed')} />;
  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  const page = data?.auditEntries;
  return (
    <div data-testid="audit-trail">
      <Table
        size="small"
        rowKey={(e) => `${e.at}-${e.requestId ?? ''}-${e.action}`}
        loading={loading || canRead.loading}
        dataSource={page?.nodes ?? []}
        pagination={false}
        locale={{ emptyText: t('audit.none') }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          { title: t('audit.user'), dataIndex: 'username', width: 140 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 80,
            render: (action: string) => <Tag>{t(`audit.actionName.${action}` as 'audit.actionName.UPDATE')}</Tag>,
          },
          {
            title: t('audit.changes'),
            dataIndex: 'changes',
            render: (changes: Record<string, unknown>) => <AuditChanges changes={changes} />,
          },
        ]}
      />
      {page?.pageInfo.hasNextPage && (
        <Button
          style={{ marginTop: 8 }}
          onClick={() =>
            void fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...fetchMoreResult,
                auditEntries: {
                  ...fetchMoreResult.auditEntries,
                  nodes: [...previous.auditEntries.nodes, ...fetchMoreResult.auditEntries.nodes],
                },
              }),
            })
          }
        >
          {t('audit.loadMore')}
        </Button>
      )}
    </div>
  );
}
