import { useState } from 'react';
import { ApprovalActions, ApprovalTag, type Approval, useToday } from '@zhuji/client/ui';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { GroupMemberRole, type GroupMembers_GroupFragment as GroupMembersData } from '../../gql/graphql';
import { useFormatDate } from '../../app/records/format';
import { EndPeriodModal, FormModal, useFormSave } from '../../app/records/forms';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

export const GroupMembers_GroupFragment = graphql(`
  fragment GroupMembers_Group on CollaborationGroup {
    id
    leadSchool {
      id
      name
    }
    members(first: 100) {
      totalCount
      nodes {
        id
        role
        joinedOn
        leftOn
        approval
        decidedByName
        decisionComment
        school {
          id
          name
        }
      }
    }
  }
`);

const AddMemberMutation = graphql(`
  mutation GroupMembersAdd($groupId: ID!, $input: AddGroupMemberInput!) {
    addGroupMember(groupId: $groupId, input: $input) {
      id
      approval
    }
  }
`);

const EndMembershipMutation = graphql(`
  mutation GroupMembersEnd($id: ID!, $leftOn: Date!) {
    endGroupMembership(id: $id, leftOn: $leftOn) {
      id
      leftOn
    }
  }
`);

/** A membership counts as current until the end of its last day; a declined proposal never does. */
export function isCurrent(membership: { leftOn?: string | null; approval?: Approval }, day: string): boolean {
  return membership.approval !== 'DECLINED' && (!membership.leftOn || membership.leftOn >= day);
}

const CanDecideMembership = graphql(`
  query GroupMembersCanDecide($id: ID!) {
    canDecide: viewerCan(action: GROUP_MEMBERSHIP_APPROVE, id: $id)
  }
`);

/** The decision buttons of a pending membership, shown when the server says the viewer decides. */
function MembershipDecision(props: { membership: Membership; onDecided: () => void }) {
  const { data } = useQuery(CanDecideMembership, { variables: { id: props.membership.id } });
  return (
    <ApprovalActions
      kind="membership"
      id={props.membership.id}
      approval={props.membership.approval}
      canDecide={data?.canDecide ?? false}
      onDecided={props.onDecided}
    />
  );
}

/** The lead school, and only it, joins as LEAD (the server's leadRoleProblem). */
export function leadRoleOk(leadSchoolId: string | undefined, schoolId: string | undefined, role: GroupMemberRole) {
  if (!schoolId || !role) return true;
  return (schoolId === leadSchoolId) === (role === GroupMemberRole.Lead);
}

type Membership = GroupMembersData['members']['nodes'][number];

/**
 * A group's memberships: current ones, or the whole history (past memberships are kept),
 * with "add a member school" and "end" when the server lets the viewer manage members.
 */
export function GroupMembers(props: {
  group: FragmentType<typeof GroupMembers_GroupFragment>;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const date = useFormatDate();
  const group = getFragmentData(GroupMembers_GroupFragment, props.group);
  const [view, setView] = useState<'current' | 'history'>('current');
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [end] = useMutation(EndMembershipMutation);
  const all = group.members.nodes;
  const shown = view === 'current' ? all.filter((m) => isCurrent(m, today)) : all;

  return (
    <>
      <Space style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between' }}>
        <Segmented
          data-testid="member-view"
          value={view}
          onChange={(v) => setView(v as 'current' | 'history')}
          options={[
            {
              value: 'current',
              label: `${t('groups.activeMembers')} (${all.filter((m) => isCurrent(m, today)).length})`,
            },
            { value: 'history', label: `${t('groups.history')} (${group.members.totalCount})` },
          ]}
        />
        {props.canManage && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-member">
            {t('groups.addMember')}
          </Button>
        )}
      </Space>
      <Table<Membership>
        data-testid="member-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: t('common.empty') }}
        onRow={(m) => ({ 'data-membership-id': m.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'school',
            title: t('groups.field.school'),
            render: (_, m) =>
              m.school ? (
                <Link to={`/schools/${encodeURIComponent(m.school.id)}`}>{m.school.name}</Link>
              ) : (
                t('records.outOfScope')
              ),
          },
          { key: 'role', title: t('groups.field.role'), render: (_, m) => t(`groups.enum.role.${m.role}`), width: 110 },
          { key: 'joinedOn', title: t('groups.field.joinedOn'), render: (_, m) => date(m.joinedOn), width: 140 },
          { key: 'leftOn', title: t('groups.field.leftOn'), render: (_, m) => date(m.leftOn) || '—', width: 140 },
          {
            key: 'status',
            title: t('exchanges.status'),
            width: 90,
            render: (_, m) =>
              isCurrent(m, today) ? <Tag color="green">{t('groups.current')}</Tag> : <Tag>{t('groups.left')}</Tag>,
          },
          {
            key: 'approval',
            title: t('approval.label'),
            width: 220,
            render: (_, m) => (
              <Space size="small" wrap>
                <ApprovalTag approval={m.approval} />
                {m.decisionComment && <span title={m.decidedByName ?? undefined}>{m.decisionComment}</span>}
                {m.approval === 'PENDING' && <MembershipDecision membership={m} onDecided={props.onChanged} />}
              </Space>
            ),
          },
          ...(props.canManage
            ? [
                {
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, m: Membership) =>
                    !m.leftOn && (
                      <Button size="small" danger onClick={() => setEnding(m)} data-testid="end-membership">
                        {t('groups.endMembership')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <AddMemberModal
          groupId={group.id}
          leadSchool={group.leadSchool}
          onClose={() => setAdding(false)}
          onSaved={props.onChanged}
        />
      )}
      {ending && (
        <EndPeriodModal
          title={t('groups.endMembershipTitle', { school: ending.school?.name ?? '' })}
          hint={t('groups.endMembershipHint')}
          okText={t('groups.endMembership')}
          label={t('groups.field.leftOn')}
          field="leftOn"
          notBefore={ending.joinedOn}
          notBeforeMessage={t('groups.rule.leftBeforeJoined')}
          successText={t('groups.membershipEnded')}
          end={(leftOn) => end({ variables: { id: ending.id, leftOn } })}
          onClose={() => setEnding(null)}
          onSaved={props.onChanged}
        />
      )}
    </>
  );
}

type AddValues = { schoolId: string; role: GroupMemberRole; joinedOn: string };

function AddMemberModal(props: {
  groupId: string;
  leadSchool?: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [add] = useMutation(AddMemberMutation);
  const { errors, saving, run } = useFormSave(form, ['schoolId', 'role', 'joinedOn']);

  const save = (input: AddValues) =>
    run(async () => {
      const result = await add({ variables: { groupId: props.groupId, input } });
      // A lead-side proposal is pending until the member school's district decides: say so.
      if (result.data?.addGroupMember.approval === 'PENDING') void message.info(t('approval.proposed'), 8);
      else void message.success(t('groups.memberAdded'));
      props.onSaved();
      props.onClose();
    });
  return (
    <FormModal<AddValues>
      title={t('groups.addMember')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={{ role: GroupMemberRole.Member, joinedOn: today }}
      onFinish={(v) => void save(v)}
      onValuesChange={(changed) => {
        // The lead school can only join as LEAD, any other school never: pick the role for the user.
        if (changed.schoolId && props.leadSchool) {
          const role = form.getFieldValue('role') as GroupMemberRole;
          if (changed.schoolId === props.leadSchool.id) form.setFieldValue('role', GroupMemberRole.Lead);
          else if (role === GroupMemberRole.Lead) form.setFieldValue('role', GroupMemberRole.Member);
        }
      }}
      onClose={props.onClose}
      testId="member-form"
    >
      <Form.Item
        name="schoolId"
        label={t('groups.field.school')}
        rules={[{ required: true, message: t('groups.rule.required') }]}
      >
        <SchoolPicker data-testid="member-school" />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('groups.field.role')}
        dependencies={['schoolId']}
        rules={[
          { required: true, message: t('groups.rule.required') },
          ({ getFieldValue }) => ({
            validator: (_, role: GroupMemberRole) =>
              leadRoleOk(props.leadSchool?.id, getFieldValue('schoolId') as string, role)
                ? Promise.resolve()
                : Promise.reject(new Error(t('groups.rule.leadRole'))),
          }),
        ]}
      >
        <Select
          options={Object.values(GroupMemberRole).map((v) => ({ value: v, label: t(`groups.enum.role.${v}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="joinedOn"
        label={t('groups.field.joinedOn')}
        rules={[{ required: true, message: t('groups.rule.required') }]}
      >
        <Input type="date" data-testid="joined-on" />
      </Form.Item>
    </FormModal>
  );
}
