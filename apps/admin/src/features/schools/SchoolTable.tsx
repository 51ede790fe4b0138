import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { SchoolTable_SchoolFragment as SchoolRow } from '../../gql/graphql';

export const SchoolTable_SchoolFragment = graphql(`
  fragment SchoolTable_School on School {
    id
    code
    name
    stage
    locality
    isTownSeat
    studentCount
    classCount
    town {
      id
      name
    }
    district {
      id
      name
    }
  }
`);

export function SchoolTable(props: {
  schools: readonly FragmentType<typeof SchoolTable_SchoolFragment>[];
  loading: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const schools = getFragmentData(SchoolTable_SchoolFragment, props.schools);
  const columns: ColumnsType<SchoolRow> = [
    { key: 'code', title: t('schools.column.code'), dataIndex: 'code', width: 130 },
    {
      key: 'name',
      title: t('schools.column.name'),
      render: (_, school) => <Link to={`/schools/${encodeURIComponent(school.id)}`}>{school.name}</Link>,
    },
    { key: 'district', title: t('schools.column.district'), render: (_, s) => s.district.name, width: 110 },
    { key: 'town', title: t('schools.column.town'), render: (_, s) => s.town.name, width: 140 },
    {
      key: 'stage',
      title: t('schools.column.stage'),
      render: (_, s) => (s.stage ? t(`enums.stage.${s.stage}`) : '—'),
      width: 120,
    },
    {
      key: 'locality',
      title: t('schools.column.locality'),
      render: (_, s) => (s.locality ? t(`enums.locality.${s.locality}`) : '—'),
      width: 100,
    },
    {
      key: 'isTownSeat',
      title: t('schools.column.isTownSeat'),
      render: (_, s) => (s.isTownSeat ? <Tag color="green">{t('common.yes')}</Tag> : t('common.no')),
      width: 90,
    },
    {
      key: 'studentCount',
      title: t('schools.column.studentCount'),
      dataIndex: 'studentCount',
      align: 'right',
      width: 100,
    },
    { key: 'classCount', title: t('schools.column.classCount'), dataIndex: 'classCount', align: 'right', width: 80 },
  ];
  return (
    <Table<SchoolRow>
      data-testid="school-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={schools as SchoolRow[]}
      loading={props.loading}
      pagination={false}
      locale={{ emptyText: props.emptyText }}
      onRow={(school) => ({ 'data-school-id': school.id }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
