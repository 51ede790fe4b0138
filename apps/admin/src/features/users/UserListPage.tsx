import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButton, QueryState, ViewerScope } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { Role } from '../../gql/graphql';
import { defineList, isFiltered, pageVariables } from '../../app/list/list-params';
import { useListState } from '../../app/list/useListState';
import { ListPager } from '../../app/list/ListPager';
import { CreateUserDrawer } from './CreateUserDrawer';

const USER_LIST = defineList({
  filters: { search: { kind: 'string' }, role: { kind: 'enum', values: Object.values(Role) } },
  // Users come back by username; the server offers no other order.
  sorts: ['USERNAME'],
  defaultSort: 'USERNAME',
});

const UserListQuery = graphql(`
  query UserListPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    canManage: viewerCan(action: USER_MANAGE)
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        ...ListPager_PageInfo
      }
      nodes {
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

// What the Excel export pages through: the same filter as the table, every row.
const UserExportQuery = graphql(`
  query UserListExport($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      nodes {
        username
        displayName
        isActive
        grants {
          role
          district {
            name
          }
          school {
            name
          }
        }
      }
    }
  }
`);

/** The accounts within the admin's scope, their grants, and new accounts. */
export function UserListPage() {
  const { t } = useTranslation();
  const list = useListState(USER_LIST);
  const { filters } = list.state;
  const [creating, setCreating] = useState(false);
  const filter = { search: filters.search, role: filters.role };
  const { data, previousData, loading, error, refetch } = useQuery(UserListQuery, {
    variables: { filter, ...pageVariables(list.state) },
  });
  const page = (data ?? previousData)?.users;
  const canManage = (data ?? previousData)?.canManage;

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <ExportButton
            query={UserExportQuery}
            variables={{ filter }}
            fileName={`${t('users.title')}.xlsx`}
            columns={[
              { path: 'username', heading: t('users.username') },
              { path: 'displayName', heading: t('users.displayName') },
              { path: 'grants.role', heading: t('users.role') },
              { path: 'grants.district.name', heading: t('users.district') },
              { path: 'grants.school.name', heading: t('users.school') },
              { path: 'isActive', heading: t('users.active') },
            ]}
          />
          {canManage && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-user">
              {t('users.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="search"
          placeholder={t('users.search')}
          defaultValue={filters.search}
          style={{ width: 240 }}
          onSearch={(value) => list.setFilters({ search: value.trim() || undefined })}
        />
        <Select
          allowClear
          data-testid="filter-role"
          placeholder={t('users.role')}
          style={{ width: 180 }}
          value={filters.role}
          options={Object.values(Role).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(role?: Role) => list.setFilters({ role })}
        />
        {isFiltered(list.state) && (
          <Button type="link" onClick={list.clearFilters}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Flex>
      {error ? (
        <QueryState error={error} retry={() => void refetch()} />
      ) : (
        <Table
          size="middle"
          rowKey="id"
          loading={loading}
          dataSource={page?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          onRow={(user) => ({ 'data-user-id': user.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('users.username'),
              dataIndex: 'username',
              render: (username: string, user) => <Link to={`/users/${encodeURIComponent(user.id)}`}>{username}</Link>,
            },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            {
              title: t('users.grants'),
              dataIndex: 'grants',
              render: (_, user) => <ViewerScope grants={user.grants} />,
            },
            {
              title: t('users.status'),
              dataIndex: 'isActive',
              width: 100,
              render: (active: boolean) =>
                active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
            },
          ]}
        />
      )}
      <ListPager
        page={page}
        loading={loading}
        size={list.state.size}
        onSize={list.setSize}
        onNext={list.next}
        onPrevious={list.previous}
      />
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
