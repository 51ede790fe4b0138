import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Descriptions, Result, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '@zhuji/client/ui';
import { AuditTrail } from '../audit/AuditTrail';
import { GroupFormModal } from './GroupForm';
import { GroupMembers } from './GroupMembers';
import { RecordActions, useDeleteAndLeave } from '../../app/records/RecordListCard';

const GroupDetailQuery = graphql(`
  query GroupDetailPage($id: ID!) {
    collaborationGroup(id: $id) {
      id
      name
      kind
      description
      leadSchool {
        id
        name
      }
      district {
        id
        name
      }
      ...GroupForm_Group
      ...GroupMembers_Group
    }
    canUpdate: viewerCan(action: GROUP_UPDATE, id: $id)
    canDelete: viewerCan(action: GROUP_DELETE, id: $id)
    canManageMembers: viewerCan(action: GROUP_MANAGE_MEMBERS, id: $id)
  }
`);

const DeleteGroupMutation = graphql(`
  mutation GroupDetailDelete($id: ID!) {
    deleteCollaborationGroup(id: $id)
  }
`);

export function GroupDetailPage() {
  const { t } = useTranslation();
  const leave = useDeleteAndLeave('collaborationGroups', '/groups');
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(GroupDetailQuery, { variables: { id } });
  const [remove, removing] = useMutation(DeleteGroupMutation);
  const [editing, setEditing] = useState(false);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const group = data.collaborationGroup;
  if (!group)
    return <Result status="404" title={t('groups.notFound')} extra={<Link to="/groups">{t('common.back')}</Link>} />;

  const deleteGroup = () => leave((update) => remove({ variables: { id: group.id }, update }), group);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/groups">{t('groups.title')}</Link> },
          { title: <span data-testid="record-name">{group.name}</span> },
        ]}
      />
      <Card
        title={t('groups.basics')}
        extra={
          <RecordActions
            canEdit={data.canUpdate}
            onEdit={() => setEditing(true)}
            canDelete={data.canDelete}
            deleteConfirm={t('groups.deleteConfirm', { name: group.name })}
            onDelete={deleteGroup}
            deleting={removing.loading}
          />
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'name', label: t('groups.field.name'), children: group.name },
            { key: 'kind', label: t('groups.field.kind'), children: t(`groups.enum.kind.${group.kind}`) },
            { key: 'district', label: t('groups.field.district'), children: group.district.name },
            {
              key: 'leadSchool',
              label: t('groups.field.leadSchool'),
              children: group.leadSchool ? (
                <Link to={`/schools/${encodeURIComponent(group.leadSchool.id)}`}>{group.leadSchool.name}</Link>
              ) : (
                t('records.outOfScope')
              ),
            },
            { key: 'description', label: t('groups.field.description'), span: 2, children: group.description ?? '—' },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'members',
              label: t('groups.members'),
              children: (
                <GroupMembers group={group} canManage={data.canManageMembers} onChanged={() => void refetch()} />
              ),
            },
            { key: 'audit', label: t('groups.audit'), children: <AuditTrail recordId={group.id} /> },
          ]}
        />
      </Card>
      {editing && <GroupFormModal group={group} onClose={() => setEditing(false)} onSaved={() => void refetch()} />}
    </Space>
  );
}
