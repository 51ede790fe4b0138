import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DraftNotices, draftKey, QueryState, useFormDraft, useToday } from '@zhuji/client/ui';
import { graphql } from '../../gql';
import { dayInMonth, monthsBefore } from '@zhuji/client/days';

const ResearchQuery = graphql(`
  query PortalResearch($today: Date!, $from: Date!) {
    me {
      id
      researcher {
        id
        name
        subject
        level
        assignments(activeOn: $today, first: 20) {
          nodes {
            id
            startDate
            school {
              id
              name
              town {
                id
                name
              }
            }
            missingMonths(from: $from, to: $today)
            dueMonth
          }
        }
        sessions(first: 5, orderBy: { field: HELD_ON, direction: DESC }) {
          nodes {
            id
            heldOn
            topic
            schools {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const RecordSession = graphql(`
  mutation PortalRecordSession($input: RecordJointResearchSessionInput!) {
    recordJointResearchSession(input: $input) {
      id
      heldOn
    }
  }
`);

interface SessionForm {
  schoolId: string;
  heldOn: string;
  topic: string;
  subject: string;
  participantCount: number;
  summary: string;
}
const FIELDS = ['schoolId', 'heldOn', 'topic', 'subject', 'participantCount', 'summary'] as const;

/**
 * A researcher's assigned schools, the months still without joint research, and recording a
 * session in under a minute: today and the school that most needs one are preselected, only
 * the topic has to be typed. A missing month's link preselects that month and school.
 */
export function ResearchPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const today = useToday();
  const { data, error, refetch } = useQuery(ResearchQuery, { variables: { today, from: monthsBefore(today, 11) } });
  const [record, { loading: saving }] = useMutation(RecordSession, {
    refetchQueries: ['PortalResearch', 'PortalHome'],
  });
  const [form] = Form.useForm<SessionForm>();
  const [saveError, setSaveError] = useState<ErrorLike | null>(null);

  // The account's own record, as linked by the bureau (linkResearcherUser); null until it is.
  const me = data?.me?.researcher ?? null;
  const assignments = me?.assignments.nodes ?? [];
  const month = params.get('month');
  const fromLink = assignments.find((a) => a.id === params.get('assignment'));
  const needing = assignments.find((a) => a.missingMonths.length > 0) ?? assignments.find((a) => a.dueMonth != null);
  const defaultSchool = (fromLink ?? needing ?? assignments[0])?.school.id ?? '';
  const defaultDay = month && /^\d{4}-\d{2}$/.test(month) ? dayInMonth(month, today) : today;
  // The form's starting values; a draft typed over them is restored (base null: a new record).
  const defaults: SessionForm | null = me
    ? { schoolId: defaultSchool, heldOn: defaultDay, topic: '', subject: me.subject, participantCount: 0, summary: '' }
    : null;
  const draft = useFormDraft<SessionForm>(
    me ? draftKey('joint-research', `${me.id}${month ? `.${month}` : ''}`) : null,
    defaults ? { values: defaults, base: null } : null,
    FIELDS,
  );

  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  if (!me) return <Empty description={t('research.noRecord')} />;

  const save = async (values: SessionForm) => {
    setSaveError(null);
    try {
      await record({
        variables: {
          input: {
            researcherId: me.id,
            schoolIds: [values.schoolId],
            heldOn: values.heldOn,
            topic: values.topic.trim(),
            subject: values.subject.trim() || me.subject,
            participantCount: values.participantCount ?? 0,
            summary: values.summary.trim() || null,
          },
        },
      });
      draft.saved(null);
      form.resetFields();
      form.setFieldsValue({ ...defaults!, heldOn: today });
      void message.success(t('research.recorded'));
    } catch (e) {
      setSaveError(e as ErrorLike);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('research.title')}{' '}
        <Typography.Text type="secondary">
          {me.name} · {me.subject}
        </Typography.Text>
      </Typography.Title>
      <Card size="small" title={t('research.assigned')}>
        <Flex vertical gap={8}>
          {assignments.map((a) => (
            <Flex key={a.id} gap={6} wrap align="center" data-testid="assignment" data-school={a.school.name}>
              <Link to={`/schools/${encodeURIComponent(a.school.id)}`}>{a.school.name}</Link>
              <Typography.Text type="secondary">{t('research.since', { date: a.startDate })}</Typography.Text>
              {a.missingMonths.length === 0 && !a.dueMonth && <Tag color="green">{t('researchMonth.none')}</Tag>}
              {a.missingMonths.map((m) => (
                <Tag color="red" key={m} data-testid="missing-month" data-month={m} data-school={a.school.name}>
                  {t('researchMonth.missing', { month: m })}
                </Tag>
              ))}
              {a.dueMonth && (
                <Tooltip title={t('researchMonth.dueHint')}>
                  <Tag color="gold" data-testid="due-month" data-month={a.dueMonth} data-school={a.school.name}>
                    {t('researchMonth.due', { month: a.dueMonth })}
                  </Tag>
                </Tooltip>
              )}
            </Flex>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('research.record')}>
        <div style={{ marginBottom: 12 }}>
          <DraftNotices<SessionForm>
            draft={draft}
            labels={{}}
            server={defaults}
            apply={(values) => form.setFieldsValue(values)}
            saveError={saveError}
          />
        </div>
        {draft.ready && draft.initialValues && (
          <Form<SessionForm>
            form={form}
            layout="vertical"
            initialValues={draft.initialValues}
            onValuesChange={(_, all) => draft.record(all)}
            onFinish={(values) => void save(values)}
          >
            <Form.Item name="schoolId" label={t('research.school')} rules={[{ required: true }]}>
              <Select
                data-testid="session-school"
                options={assignments.map((a) => ({ value: a.school.id, label: a.school.name }))}
              />
            </Form.Item>
            <Form.Item name="heldOn" label={t('research.heldOn')} rules={[{ required: true }]}>
              <Input type="date" max={today} data-testid="session-date" />
            </Form.Item>
            <Form.Item
              name="topic"
              label={t('research.topic')}
              rules={[{ required: true, whitespace: true, message: t('research.topicRequired') }]}
            >
              <Input data-testid="session-topic" maxLength={200} placeholder={t('research.topicPlaceholder')} />
            </Form.Item>
            <Flex gap={12}>
              <Form.Item name="subject" label={t('research.subject')} style={{ flex: 1 }}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="participantCount" label={t('research.participants')} style={{ width: 120 }}>
                <InputNumber min={0} max={500} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Form.Item name="summary" label={t('research.summary')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={saving} data-testid="session-save">
              {t('research.save')}
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={t('research.recent')}>
        {me.sessions.nodes.length === 0 ? (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ) : (
          me.sessions.nodes.map((s) => (
            <Flex key={s.id} gap={6} wrap data-testid="recent-session">
              <Typography.Text>{s.heldOn}</Typography.Text>
              <Typography.Text strong>{s.topic}</Typography.Text>
              <Typography.Text type="secondary">{s.schools.map((x) => x.name).join('、')}</Typography.Text>
            </Flex>
          ))
        )}
      </Card>
    </Flex>
  );
}
