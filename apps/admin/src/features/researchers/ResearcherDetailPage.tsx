import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { ResearcherDetailPageQuery } from '../../gql/graphql';
import { QueryState, useToday } from '@zhuji/client/ui';
import { AuditTrail } from '../audit/AuditTrail';
import { RecordActions } from '../../app/records/RecordListCard';
import { monthsBefore } from '@zhuji/client/days';
import { useFormatDate } from '../../app/records/format';
import { EndPeriodModal, FormModal, useFormSave } from '../../app/records/forms';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';
import { ResearcherFormModal } from './ResearcherForm';

const ResearcherDetailQuery = graphql(`
  query ResearcherDetailPage($id: ID!, $from: Date!, $to: Date!) {
    researcher(id: $id) {
      id
      name
      level
      subject
      district {
        id
        name
      }
      assignments(first: 100, orderBy: { field: START_DATE, direction: DESC }) {
        totalCount
        nodes {
          id
          startDate
          endDate
          school {
            id
            name
            isTownSeat
          }
          missingMonths(from: $from, to: $to)
          dueMonth
        }
      }
      sessions(first: 100, orderBy: { field: HELD_ON, direction: DESC }) {
        totalCount
        nodes {
          id
          heldOn
          topic
          participantCount
          schools {
            id
            name
          }
        }
      }
      ...ResearcherForm_Researcher
    }
    canManage: viewerCan(action: RESEARCHER_MANAGE, id: $id)
    canAssign: viewerCan(action: ASSIGNMENT_MANAGE, id: $id)
  }
`);

const AssignMutation = graphql(`
  mutation ResearcherDetailAssign($researcherId: ID!, $input: AssignResearcherInput!) {
    assignResearcher(researcherId: $researcherId, input: $input) {
      id
    }
  }
`);

const EndAssignmentMutation = graphql(`
  mutation ResearcherDetailEndAssignment($id: ID!, $endDate: Date!) {
    endResearcherAssignment(id: $id, endDate: $endDate) {
      id
      endDate
    }
  }
`);

type Assignment = NonNullable<ResearcherDetailPageQuery['researcher']>['assignments']['nodes'][number];

/** The last twelve months, this one included: the window the missing months are counted in. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  return { from: monthsBefore(today, 11), to: today };
}

export function ResearcherDetailPage() {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { id = '' } = useParams();
  const today = useToday();
  const range = lastTwelveMonths(today);
  const { data, loading, error, refetch } = useQuery(ResearcherDetailQuery, { variables: { id, ...range } });
  const [end] = useMutation(EndAssignmentMutation);
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const researcher = data.researcher;
  if (!researcher)
    return (
      <Result
        status="404"
        title={t('researchers.notFound')}
        extra={<Link to="/researchers">{t('common.back')}</Link>}
      />
    );
  const current = (a: Assignment) => !a.endDate || a.endDate >= today;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/researchers">{t('researchers.title')}</Link> },
          { title: <span data-testid="record-name">{researcher.name}</span> },
        ]}
      />
      <Card
        title={t('researchers.basics')}
        extra={<RecordActions canEdit={data.canManage} onEdit={() => setEditing(true)} />}
      >
        <Descriptions
          size="small"
          column={4}
          items={[
            { key: 'name', label: t('researchers.field.name'), children: researcher.name },
            {
              key: 'level',
              label: t('researchers.field.level'),
              children: t(`researchers.enum.level.${researcher.level}`),
            },
            { key: 'district', label: t('researchers.field.district'), children: researcher.district?.name ?? '—' },
            { key: 'subject', label: t('researchers.field.subject'), children: researcher.subject },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'assignments',
              label: `${t('researchers.assignments')} (${researcher.assignments.totalCount})`,
              children: (
                <>
                  {data.canAssign && (
                    <Button
                      type="primary"
                      style={{ marginBottom: 12 }}
                      onClick={() => setAssigning(true)}
                      data-testid="assign"
                    >
                      {t('researchers.assign')}
                    </Button>
                  )}
                  <Table<Assignment>
                    data-testid="assignment-table"
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={researcher.assignments.nodes}
                    locale={{ emptyText: t('common.empty') }}
                    columns={[
                      {
                        key: 'school',
                        title: t('researchers.field.school'),
                        render: (_, a) => (
                          <Space>
                            <Link to={`/schools/${encodeURIComponent(a.school.id)}`}>{a.school.name}</Link>
                            {a.school.isTownSeat && <Tag color="purple">{t('researchers.townSeat')}</Tag>}
                          </Space>
                        ),
                      },
                      {
                        key: 'period',
                        title: `${t('researchers.field.startDate')} – ${t('researchers.field.endDate')}`,
                        width: 250,
                        render: (_, a) => `${date(a.startDate)} – ${date(a.endDate) || '…'}`,
                      },
                      {
                        key: 'status',
                        title: t('researchers.field.status'),
                        width: 80,
                        render: (_, a) =>
                          current(a) ? (
                            <Tag color="green">{t('records.ongoing')}</Tag>
                          ) : (
                            <Tag>{t('records.ended')}</Tag>
                          ),
                      },
                      {
                        key: 'missing',
                        title: t('researchers.missingMonths'),
                        // Ended term months without a session are missing (缺); the month in
                        // progress is only due (待开展) until it ends, as the server counts it.
                        render: (_, a) =>
                          a.missingMonths.length || a.dueMonth ? (
                            <Space size={[4, 4]} wrap data-testid="missing-months">
                              {a.missingMonths.map((m) => (
                                <Tag color="red" key={m} data-testid="missing-month" data-month={m}>
                                  {t('researchMonth.missing', { month: m })}
                                </Tag>
                              ))}
                              {a.dueMonth && (
                                <Tooltip title={t('researchMonth.dueHint')}>
                                  <Tag color="gold" data-testid="due-month" data-month={a.dueMonth}>
                                    {t('researchMonth.due', { month: a.dueMonth })}
                                  </Tag>
                                </Tooltip>
                              )}
                            </Space>
                          ) : (
                            <Tag color="green">{t('researchers.noMissingMonths')}</Tag>
                          ),
                      },
                      ...(data.canAssign
                        ? [
                            {
                              key: 'actions',
                              width: 100,
                              render: (_: unknown, a: Assignment) =>
                                current(a) && (
                                  <Button size="small" danger onClick={() => setEnding(a)} data-testid="end-assignment">
                                    {t('researchers.endAssignment')}
                                  </Button>
                                ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'sessions',
              label: `${t('researchers.sessions')} (${researcher.sessions.totalCount})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={researcher.sessions.nodes}
                  locale={{ emptyText: t('common.empty') }}
                  columns={[
                    {
                      key: 'heldOn',
                      title: t('researchers.field.heldOn'),
                      width: 140,
                      render: (_, s) => date(s.heldOn),
                    },
                    { key: 'topic', title: t('researchers.field.topic'), dataIndex: 'topic' },
                    {
                      key: 'schools',
                      title: t('researchers.field.schools'),
                      render: (_, s) => s.schools.map((x) => x.name).join('、'),
                    },
                    {
                      key: 'participants',
                      title: t('researchers.field.participantCount'),
                      dataIndex: 'participantCount',
                      align: 'right',
                      width: 90,
                    },
                  ]}
                />
              ),
            },
            { key: 'audit', label: t('researchers.audit'), children: <AuditTrail recordId={researcher.id} /> },
          ]}
        />
      </Card>
      {editing && (
        <ResearcherFormModal researcher={researcher} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
      )}
      {assigning && (
        <AssignModal researcherId={researcher.id} onClose={() => setAssigning(false)} onSaved={() => void refetch()} />
      )}
      {ending && (
        <EndPeriodModal
          title={t('researchers.endAssignmentTitle', { school: ending.school.name })}
          hint={t('researchers.endAssignmentHint')}
          okText={t('researchers.endAssignment')}
          label={t('researchers.field.endDate')}
          field="endDate"
          notBefore={ending.startDate}
          notBeforeMessage={t('researchers.rule.endBeforeStart')}
          successText={t('researchers.assignmentEnded')}
          end={(endDate) => end({ variables: { id: ending.id, endDate } })}
          onClose={() => setEnding(null)}
          onSaved={() => void refetch()}
        />
      )}
    </Space>
  );
}

type AssignValues = { schoolId: string; startDate: string; endDate?: string };

/** Periods of one researcher at one school never overlap: the server checks and says so. */
function AssignModal(props: { researcherId: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const [assign] = useMutation(AssignMutation);
  const { errors, saving, run } = useFormSave(form, ['schoolId', 'startDate', 'endDate']);
  const save = (values: AssignValues) =>
    run(async () => {
      const input = {
        schoolId: values.schoolId,
        startDate: values.startDate,
        ...(values.endDate ? { endDate: values.endDate } : {}),
      };
      await assign({ variables: { researcherId: props.researcherId, input } });
      void message.success(t('researchers.assigned'));
      props.onSaved();
      props.onClose();
    });
  return (
    <FormModal<AssignValues>
      title={t('researchers.assign')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={{ startDate: today }}
      onFinish={(v) => void save(v)}
      onClose={props.onClose}
      testId="assign-form"
    >
      <Form.Item
        name="schoolId"
        label={t('researchers.field.school')}
        rules={[{ required: true, message: t('researchers.rule.required') }]}
      >
        <SchoolPicker />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={t('researchers.field.startDate')}
        rules={[{ required: true, message: t('researchers.rule.required') }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={t('researchers.field.endDate')}
        dependencies={['startDate']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v?: string) => {
              const start = getFieldValue('startDate') as string | undefined;
              return !v || !start || v >= start
                ? Promise.resolve()
                : Promise.reject(new Error(t('researchers.rule.endBeforeStart')));
            },
          }),
        ]}
      >
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
