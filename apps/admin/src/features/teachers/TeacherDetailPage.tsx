import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Descriptions, Result, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getFragmentData, graphql } from '../../gql';
import { QueryState } from '@zhuji/client/ui';
import { TeacherFormModal, TeacherForm_TeacherFragment } from './TeacherForm';
import { RecordActions, useDeleteAndLeave } from '../../app/records/RecordListCard';
import { useFormatDate } from '../../app/records/format';
import { AuditTrail } from '../audit/AuditTrail';

const TeacherDetailQuery = graphql(`
  query TeacherDetailPage($id: ID!) {
    teacher(id: $id) {
      id
      school {
        id
        town {
          id
          name
        }
        district {
          id
          name
        }
      }
      exchanges(first: 100, orderBy: { field: START_DATE, direction: DESC }) {
        totalCount
        nodes {
          id
          kind
          startDate
          endDate
          fromSchool {
            id
            name
          }
          toSchool {
            id
            name
          }
        }
      }
      ...TeacherForm_Teacher
    }
    canUpdate: viewerCan(action: TEACHER_UPDATE, id: $id)
    canDelete: viewerCan(action: TEACHER_DELETE, id: $id)
    canReadPersonal: viewerCan(action: TEACHER_READ_PERSONAL, id: $id)
  }
`);

const DeleteTeacherMutation = graphql(`
  mutation TeacherDetailDelete($id: ID!) {
    deleteTeacher(id: $id)
  }
`);

export function TeacherDetailPage() {
  const { t } = useTranslation();
  const leave = useDeleteAndLeave('teachers', '/teachers');
  const date = useFormatDate();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TeacherDetailQuery, { variables: { id } });
  const [remove, removing] = useMutation(DeleteTeacherMutation);
  const [editing, setEditing] = useState(false);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const record = data.teacher;
  if (!record)
    return (
      <Result status="404" title={t('teachers.notFound')} extra={<Link to="/teachers">{t('common.back')}</Link>} />
    );

  // The fields shown are the form's own: one selection for both.
  const fields = getFragmentData(TeacherForm_TeacherFragment, record);
  // A teacher opened here is in scope, so its school is there; null only on a neighbour's public view.
  const school = fields.school && record.school ? { ...fields.school, ...record.school } : null;
  const teacher = { ...fields, ...record, school };
  const deleteTeacher = () => leave((update) => remove({ variables: { id: teacher.id }, update }), teacher);

  const yesNo = (v: boolean | null) => (v == null ? '—' : v ? t('common.yes') : t('common.no'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/teachers">{t('teachers.title')}</Link> },
          { title: <span data-testid="record-name">{teacher.name}</span> },
        ]}
      />
      <Card
        title={t('teachers.basics')}
        extra={
          <RecordActions
            canEdit={data.canUpdate}
            onEdit={() => setEditing(true)}
            canDelete={data.canDelete}
            deleteConfirm={t('teachers.deleteConfirm', { name: teacher.name })}
            onDelete={deleteTeacher}
            deleting={removing.loading}
          />
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'staffNumber', label: t('teachers.field.staffNumber'), children: teacher.staffNumber },
            { key: 'name', label: t('teachers.field.name'), children: teacher.name },
            {
              key: 'gender',
              label: t('teachers.field.gender'),
              children: teacher.gender ? t(`teachers.enum.gender.${teacher.gender}`) : '—',
            },
            {
              key: 'school',
              label: t('teachers.field.school'),
              children: teacher.school ? (
                <Link to={`/schools/${encodeURIComponent(teacher.school.id)}`}>{teacher.school.name}</Link>
              ) : (
                '—'
              ),
            },
            {
              key: 'town',
              label: t('teachers.field.town'),
              children: teacher.school ? `${teacher.school.district.name} · ${teacher.school.town.name}` : '—',
            },
            { key: 'subject', label: t('teachers.field.subject'), children: teacher.subject ?? '—' },
            {
              key: 'degree',
              label: t('teachers.field.degree'),
              children: teacher.degree ? t(`teachers.enum.degree.${teacher.degree}`) : '—',
            },
            {
              key: 'title',
              label: t('teachers.field.title'),
              children: teacher.title ? t(`teachers.enum.title.${teacher.title}`) : '—',
            },
            {
              key: 'backboneLevel',
              label: t('teachers.field.backboneLevel'),
              children: teacher.backboneLevel ? t(`teachers.enum.backboneLevel.${teacher.backboneLevel}`) : '—',
            },
            { key: 'isFullTime', label: t('teachers.field.isFullTime'), children: yesNo(teacher.isFullTime) },
            { key: 'isRenowned', label: t('teachers.field.isRenowned'), children: yesNo(teacher.isRenowned) },
            { key: 'hireDate', label: t('teachers.field.hireDate'), children: date(teacher.hireDate) || '—' },
          ]}
        />
      </Card>
      <Card
        title={t('teachers.personal')}
        extra={!data.canReadPersonal && <Tag data-testid="masked">{t('teachers.personalMasked')}</Tag>}
      >
        {/* Shown exactly as the server returns them: masked or empty for viewers without the right. */}
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'idNumber',
              label: t('teachers.field.idNumber'),
              children: <span data-testid="idNumber">{teacher.idNumber ?? '—'}</span>,
            },
            { key: 'phone', label: t('teachers.field.phone'), children: teacher.phone ?? '—' },
            { key: 'birthDate', label: t('teachers.field.birthDate'), children: date(teacher.birthDate) || '—' },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'exchanges',
              label: `${t('teachers.exchanges')} (${teacher.exchanges.totalCount})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={teacher.exchanges.nodes}
                  locale={{ emptyText: t('common.empty') }}
                  columns={[
                    {
                      key: 'kind',
                      title: t('exchanges.field.kind'),
                      render: (_, x) => (
                        <Link to={`/exchanges/${encodeURIComponent(x.id)}`}>
                          {t(`teachers.enum.exchangeKind.${x.kind}`)}
                        </Link>
                      ),
                    },
                    { key: 'from', title: t('exchanges.field.fromSchool'), render: (_, x) => x.fromSchool.name },
                    { key: 'to', title: t('exchanges.field.toSchool'), render: (_, x) => x.toSchool.name },
                    { key: 'start', title: t('exchanges.field.startDate'), render: (_, x) => date(x.startDate) },
                    { key: 'end', title: t('exchanges.field.endDate'), render: (_, x) => date(x.endDate) || '—' },
                  ]}
                />
              ),
            },
            { key: 'audit', label: t('teachers.audit'), children: <AuditTrail recordId={teacher.id} /> },
          ]}
        />
      </Card>
      {editing && (
        <TeacherFormModal
          teacher={record}
          canEditPersonal={data.canReadPersonal}
          onClose={() => setEditing(false)}
          onSaved={() => void refetch()}
        />
      )}
    </Space>
  );
}
