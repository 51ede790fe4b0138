import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Descriptions, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '@zhuji/client/ui';
import { SchoolForm } from './SchoolForm';
import { StaffingTable } from './StaffingTable';

const SchoolDetailQuery = graphql(`
  query SchoolDetailPage($id: ID!) {
    school(id: $id) {
      id
      name
      code
      town {
        id
        name
      }
      district {
        id
        name
      }
      staffing {
        ...StaffingTable_StaffingIndicator
      }
      ...SchoolForm_School
    }
    canUpdate: viewerCan(action: SCHOOL_UPDATE, id: $id)
  }
`);

export function SchoolDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SchoolDetailQuery, { variables: { id } });

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const school = data.school;
  if (!school)
    return <Result status="404" title={t('school.notFound')} extra={<Link to="/schools">{t('common.back')}</Link>} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/schools">{t('schools.title')}</Link> },
          { title: <span data-testid="school-name">{school.name}</span> },
        ]}
      />
      <Card title={t('school.basics')}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'code', label: t('school.field.code'), children: school.code },
            {
              key: 'district',
              label: t('schools.district'),
              children: (
                <Link to={`/schools?districtId=${encodeURIComponent(school.district.id)}`}>{school.district.name}</Link>
              ),
            },
            { key: 'town', label: t('schools.town'), children: school.town.name },
          ]}
        />
      </Card>
      <Card title={t('school.staffing')}>
        <StaffingTable staffing={school.staffing ?? []} />
      </Card>
      <Card title={t('school.edit')}>
        {/* keyed by id so the form re-initialises when another school opens */}
        <SchoolForm key={school.id} school={school} canEdit={data.canUpdate} />
      </Card>
    </Space>
  );
}
