import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Result, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ErrorLike } from '@apollo/client';
import { errorCode, errorMessage } from '@zhuji/client/errors';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import { QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { AuditTrail } from '../audit/AuditTrail';
import { GrantFields, grantInput, type GrantValues } from './GrantFields';

const UserDetailQuery = graphql(`
  query UserDetailPage($id: ID!) {
    canManage: viewerCan(action: USER_MANAGE, id: $id)
    node(id: $id) {
      ... on User {
        id
        username
        displayName
        isActive
        grants {
          id
          role
          district {
            id
            name
          }
          school {
            id
            name
          }
        }
      }
    }
  }
`);

const SetActiveMutation = graphql(`
  mutation UserDetailSetActive($userId: ID!, $isActive: Boolean!) {
    setUserActive(userId: $userId, isActive: $isActive) {
      id
      isActive
    }
  }
`);

const GrantMutation = graphql(`
  mutation UserDetailGrant($userId: ID!, $grant: GrantInput!) {
    grantRole(userId: $userId, grant: $grant) {
      id
    }
  }
`);

const RevokeMutation = graphql(`
  mutation UserDetailRevoke($grantId: ID!) {
    revokeGrant(grantId: $grantId)
  }
`);

/** One account: activate or deactivate it, its grants (revoke, add) and its history. */
export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const id = useParams().id!;
  const [form] = Form.useForm<{ grant: GrantValues }>();
  const [grantError, setGrantError] = useState<string[]>([]);
  const { data, loading, error, refetch } = useQuery(UserDetailQuery, { variables: { id } });
  const refetchQueries = ['UserDetailPage', 'UserListPage', 'AuditTrail'];
  const [setActive, activeState] = useMutation(SetActiveMutation, { refetchQueries });
  const [grantRole, grantState] = useMutation(GrantMutation, { refetchQueries });
  const [revokeGrant] = useMutation(RevokeMutation, { refetchQueries });

  // An account that left the viewer's reach meanwhile (a grant elsewhere added by the city)
  // answers NOT_FOUND: say so in words, not as a missing record.
  const failed = (e: unknown) =>
    void message.error(
      errorCode(e as ErrorLike) === 'NOT_FOUND' ? t('users.outOfReach') : errorMessage(e as ErrorLike, i18n.language),
    );

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const user = data.node && 'username' in data.node ? data.node : null;
  if (!user)
    return <Result status="404" title={t('users.notFound')} extra={<Link to="/users">{t('common.back')}</Link>} />;

  const addGrant = async ({ grant }: { grant: GrantValues }) => {
    setGrantError([]);
    try {
      await grantRole({ variables: { userId: user.id, grant: grantInput(grant) } });
      void message.success(t('users.granted'));
      form.resetFields();
    } catch (e) {
      const { fields, other } = serverFieldErrors(
        e as ErrorLike,
        ['role', 'districtId', 'schoolId'],
        i18n.language,
        'grant',
      );
      form.setFields(fields.map((f) => ({ ...f, name: ['grant', f.name] })));
      const main =
        errorCode(e as ErrorLike) === 'NOT_FOUND' ? t('users.outOfReach') : errorMessage(e as ErrorLike, i18n.language);
      setGrantError(fields.length ? other : [main, ...other].filter(Boolean));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <span data-testid="user-name">{t('records.withNote', { name: user.displayName, note: user.username })}</span>
        }
        extra={
          data.canManage && (
            <Popconfirm
              title={user.isActive ? t('users.deactivateConfirm') : t('users.activateConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setActive({ variables: { userId: user.id, isActive: !user.isActive } }).then(() => undefined, failed)
              }
            >
              <Button danger={user.isActive} loading={activeState.loading} data-testid="toggle-active">
                {user.isActive ? t('users.deactivate') : t('users.activate')}
              </Button>
            </Popconfirm>
          )
        }
      >
        <Descriptions
          column={2}
          items={[
            { key: 'username', label: t('users.username'), children: user.username },
            { key: 'displayName', label: t('users.displayName'), children: user.displayName },
            {
              key: 'status',
              label: t('users.status'),
              children: user.isActive ? (
                <Tag color="green" data-testid="user-status" data-active="true">
                  {t('users.active')}
                </Tag>
              ) : (
                <Tag data-testid="user-status" data-active="false">
                  {t('users.inactive')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {!data.canManage && <Alert type="info" showIcon data-testid="user-out-of-reach" title={t('users.readOnly')} />}
      <Card title={t('users.grants')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={user.grants}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(grant) => ({ 'data-grant-id': grant.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('users.role'), dataIndex: 'role', render: (role: string) => t(`roles.${role as 'ANALYST'}`) },
            {
              title: t('users.scope'),
              key: 'scope',
              render: (_, g) => g.school?.name ?? g.district?.name ?? t('scope.city'),
            },
            ...(data.canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_: unknown, g: { id: string }) => (
                      <Popconfirm
                        title={t('users.revokeConfirm')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          revokeGrant({ variables: { grantId: g.id } }).then(
                            () => void message.success(t('users.revoked')),
                            failed,
                          )
                        }
                      >
                        <Button type="link" danger size="small" data-testid="revoke-grant">
                          {t('users.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {data.canManage && (
          <Form
            form={form}
            layout="inline"
            onFinish={addGrant}
            style={{ marginTop: 16, rowGap: 8 }}
            requiredMark={false}
          >
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start', width: '100%' }}>
              <div style={{ minWidth: 260, flex: 1 }}>
                <GrantFields prefix={['grant']} />
              </div>
              <Button type="primary" htmlType="submit" loading={grantState.loading} data-testid="add-grant">
                {t('users.addGrant')}
              </Button>
            </div>
            {grantError.length > 0 && (
              <Alert type="error" showIcon role="alert" title={grantError.join('；')} style={{ width: '100%' }} />
            )}
          </Form>
        )}
      </Card>
      <Card title={t('users.history')}>
        <AuditTrail recordId={user.id} />
      </Card>
    </Space>
  );
}
