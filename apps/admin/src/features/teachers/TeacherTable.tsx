import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { TeacherTable_TeacherFragment as TeacherRow } from '../../gql/graphql';

export const TeacherTable_TeacherFragment = graphql(`
  fragment TeacherTable_Teacher on Teacher {
    id
    staffNumber
    name
    gender
    subject
    isFullTime
    degree
    title
    backboneLevel
    isRenowned
    school {
      id
      name
      district {
        id
        name
      }
    }
  }
`);

export function TeacherTable(props: {
  teachers: readonly FragmentType<typeof TeacherTable_TeacherFragment>[];
  loading: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const teachers = getFragmentData(TeacherTable_TeacherFragment, props.teachers);
  const columns: ColumnsType<TeacherRow> = [
    { key: 'staffNumber', title: t('teachers.field.staffNumber'), dataIndex: 'staffNumber', width: 110 },
    {
      key: 'name',
      title: t('teachers.field.name'),
      render: (_, teacher) => (
        <Link to={`/teachers/${encodeURIComponent(teacher.id)}`}>
          {teacher.name}
          {teacher.isRenowned && (
            <Tag color="gold" style={{ marginInlineStart: 8 }}>
              {t('teachers.field.isRenowned')}
            </Tag>
          )}
        </Link>
      ),
    },
    {
      key: 'gender',
      title: t('teachers.field.gender'),
      render: (_, r) => (r.gender ? t(`teachers.enum.gender.${r.gender}`) : '—'),
      width: 60,
    },
    {
      key: 'school',
      title: t('teachers.field.school'),
      render: (_, r) =>
        r.school ? <Link to={`/schools/${encodeURIComponent(r.school.id)}`}>{r.school.name}</Link> : '—',
    },
    {
      key: 'district',
      title: t('teachers.field.district'),
      render: (_, r) => r.school?.district.name ?? '—',
      width: 100,
    },
    { key: 'subject', title: t('teachers.field.subject'), dataIndex: 'subject', width: 90 },
    {
      key: 'degree',
      title: t('teachers.field.degree'),
      render: (_, r) => (r.degree ? t(`teachers.enum.degree.${r.degree}`) : '—'),
      width: 100,
    },
    {
      key: 'title',
      title: t('teachers.field.title'),
      render: (_, r) => (r.title ? t(`teachers.enum.title.${r.title}`) : '—'),
      width: 80,
    },
    {
      key: 'backboneLevel',
      title: t('teachers.field.backboneLevel'),
      render: (_, r) => (r.backboneLevel ? t(`teachers.enum.backboneLevel.${r.backboneLevel}`) : '—'),
      width: 90,
    },
    {
      key: 'isFullTime',
      title: t('teachers.field.isFullTime'),
      render: (_, r) => (r.isFullTime ? t('common.yes') : t('common.no')),
      width: 80,
    },
  ];
  return (
    <Table<TeacherRow>
      data-testid="teacher-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={teachers as TeacherRow[]}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.emptyText }}
      onRow={(teacher) => ({ 'data-teacher-id': teacher.id }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
