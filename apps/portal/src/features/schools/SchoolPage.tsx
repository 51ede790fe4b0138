import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, List, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { formatIndicator } from '@zhuji/client/assessment-indicators';
import { graphql } from '../../gql';
import { StaffingTags } from './StaffingTags';
import { LedgerList } from '../ledger/LedgerList';

const SchoolQuery = graphql(`
  query PortalSchool($id: ID!, $today: Date!) {
    node(id: $id) {
      __typename
      ... on School {
        id
        code
        name
        stage
        locality
        isTownSeat
        address
        studentCount
        classCount
        isBoarding
        providesLunch
        runsSchoolBus
        foundedYear
        principal {
          id
          name
        }
        town {
          id
          name
        }
        district {
          id
          name
        }
        staffing {
          ...StaffingTags_Indicator
        }
        teachers(first: 100, orderBy: { field: STAFF_NUMBER, direction: ASC }) {
          totalCount
          nodes {
            id
            staffNumber
            name
            subject
            isFullTime
            degree
            title
            backboneLevel
            isRenowned
            phone
          }
        }
        rectificationItems(first: 50, orderBy: { field: DEADLINE, direction: ASC }) {
          nodes {
            ...LedgerList_Item
          }
        }
        assessments(first: 20, orderBy: { field: PERIOD, direction: DESC }) {
          nodes {
            id
            period
            notes
            indicators {
              kind
              value
              booleanValue
              source
            }
          }
        }
        exchangesIn(activeOn: $today, first: 50) {
          nodes {
            id
            kind
            startDate
            endDate
            teacher {
              id
              name
            }
            fromSchool {
              id
              name
            }
          }
        }
        exchangesOut(activeOn: $today, first: 50) {
          nodes {
            id
            kind
            startDate
            endDate
            teacher {
              id
              name
            }
            toSchool {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** One school's record: facts, staffing, teachers (masked as the viewer's role requires), ledger, assessments, exchanges. */
export function SchoolPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const today = useToday();
  const { data, error, refetch } = useQuery(SchoolQuery, { variables: { id, today } });
  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  const school = data.node?.__typename === 'School' ? data.node : null;
  if (!school) return <QueryState error={new Error(t('app.notFound'))} />;
  const yesNo = (v: boolean | null) => (v == null ? '—' : v ? t('common.yes') : t('common.no'));

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="school-name">
        {school.name}
      </Typography.Title>
      <Typography.Text type="secondary">
        {school.district.name} · {school.town.name}{' '}
        {school.isTownSeat && <Tag color="gold">{t('schools.townSeat')}</Tag>}
      </Typography.Text>
      <Tabs
        items={[
          {
            key: 'record',
            label: t('school.record'),
            children: (
              <Flex vertical gap={12}>
                <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('school.code')}>{school.code}</Descriptions.Item>
                  <Descriptions.Item label={t('school.stage')}>
                    {school.stage ? t(`enums.stage.${school.stage}`) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('school.locality')}>
                    {school.locality ? t(`enums.locality.${school.locality}`) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('school.principal')}>{school.principal?.name ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('school.students')}>{school.studentCount}</Descriptions.Item>
                  <Descriptions.Item label={t('school.classes')}>{school.classCount}</Descriptions.Item>
                  <Descriptions.Item label={t('school.boarding')}>{yesNo(school.isBoarding)}</Descriptions.Item>
                  <Descriptions.Item label={t('school.lunch')}>{yesNo(school.providesLunch)}</Descriptions.Item>
                  <Descriptions.Item label={t('school.bus')}>{yesNo(school.runsSchoolBus)}</Descriptions.Item>
                  <Descriptions.Item label={t('school.founded')}>{school.foundedYear ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('school.address')}>{school.address ?? '—'}</Descriptions.Item>
                </Descriptions>
                <Card size="small" title={t('school.staffing')}>
                  <StaffingTags indicators={school.staffing ?? []} />
                </Card>
              </Flex>
            ),
          },
          {
            key: 'teachers',
            label: t('school.teachers', { count: school.teachers.totalCount }),
            children: (
              <List
                size="small"
                data-testid="teachers"
                dataSource={school.teachers.nodes}
                renderItem={(teacher) => (
                  <List.Item>
                    <Flex vertical gap={2}>
                      <Flex gap={6} wrap align="center">
                        <Typography.Text strong>{teacher.name}</Typography.Text>
                        <Typography.Text type="secondary">{teacher.staffNumber}</Typography.Text>
                        {teacher.subject && <Tag>{teacher.subject}</Tag>}
                        {!teacher.isFullTime && <Tag>{t('school.partTime')}</Tag>}
                        {teacher.isRenowned && <Tag color="gold">{t('school.renowned')}</Tag>}
                      </Flex>
                      <Typography.Text type="secondary">
                        {teacher.degree ? t(`enums.degree.${teacher.degree}`) : '—'} ·{' '}
                        {teacher.title ? t(`enums.title.${teacher.title}`) : '—'} · {t('school.backbone')}:{' '}
                        {teacher.backboneLevel ? t(`enums.backbone.${teacher.backboneLevel}`) : '—'}
                        {teacher.phone ? ` · ${teacher.phone}` : ''}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'ledger',
            label: t('nav.ledger'),
            children: <LedgerList items={school.rectificationItems.nodes} />,
          },
          {
            key: 'assessments',
            label: t('school.assessments'),
            children: (
              <List
                size="small"
                dataSource={school.assessments.nodes}
                locale={{ emptyText: t('common.empty') }}
                renderItem={(a) => (
                  <List.Item>
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Typography.Text strong>{a.period}</Typography.Text>
                      <Flex gap={6} wrap>
                        {a.indicators.map((i) => (
                          <Tag key={i.kind} title={i.source} data-testid="assessment-indicator" data-kind={i.kind}>
                            {t(`enums.assessmentIndicator.${i.kind}`)}:{' '}
                            {formatIndicator(i.kind, i.value, i.booleanValue, {
                              yes: t('common.yes'),
                              no: t('common.no'),
                            })}
                          </Tag>
                        ))}
                      </Flex>
                      {a.notes && <Typography.Text type="secondary">{a.notes}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'exchanges',
            label: t('collaboration.exchanges'),
            children: (
              <List
                size="small"
                locale={{ emptyText: t('common.empty') }}
                dataSource={[
                  ...school.exchangesIn.nodes.map((e) => ({ ...e, dir: 'in' as const, other: e.fromSchool })),
                  ...school.exchangesOut.nodes.map((e) => ({ ...e, dir: 'out' as const, other: e.toSchool })),
                ]}
                renderItem={(e) => (
                  <List.Item>
                    <Flex gap={6} wrap>
                      <Tag color={e.dir === 'in' ? 'green' : 'blue'}>{t(`collaboration.${e.dir}`)}</Tag>
                      <Typography.Text>{e.teacher.name}</Typography.Text>
                      <Link to={`/schools/${encodeURIComponent(e.other.id)}`}>{e.other.name}</Link>
                      <Tag>{t(`enums.exchangeKind.${e.kind}`)}</Tag>
                      <Typography.Text type="secondary">
                        {e.startDate} – {e.endDate ?? '…'}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
