import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DraftNotices, draftKey, isNetworkError, QueryState, useFormDraft, useToday } from '@zhuji/client/ui';
import { serverFieldErrors } from '@zhuji/client/field-errors';
import { graphql } from '../../gql';
import { TrusteeshipMeasure } from '../../gql/graphql';
import { useViewer } from '../../app/viewer';
import {
  activityDateProblem,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  lastActivityDay,
} from '@zhuji/client/trusteeship-activity';

const ActivityTrusteeshipsQuery = graphql(`
  query PortalActivityTrusteeships($leadSchoolId: ID) {
    # Only an approved trusteeship is in force: activities are recorded on nothing else.
    trusteeships(
      filter: { leadSchoolId: $leadSchoolId, approval: APPROVED }
      first: 50
      orderBy: { field: START_DATE, direction: DESC }
    ) {
      nodes {
        id
        status
        startDate
        actualEndDate
        measures
        partnerSchool {
          id
          name
        }
      }
    }
  }
`);

const CanRecordQuery = graphql(`
  query PortalCanRecordActivity($id: ID!) {
    viewerCan(action: TRUSTEESHIP_RECORD_ACTIVITY, id: $id)
  }
`);

const RecordActivity = graphql(`
  mutation PortalRecordTrusteeshipActivity($trusteeshipId: ID!, $input: RecordTrusteeshipActivityInput!) {
    recordTrusteeshipActivity(trusteeshipId: $trusteeshipId, input: $input) {
      id
      heldOn
      measure
      description
    }
  }
`);

interface ActivityForm {
  trusteeshipId: string;
  measure: TrusteeshipMeasure;
  heldOn: string;
  description: string;
}
const FIELDS = ['trusteeshipId', 'measure', 'heldOn', 'description'] as const;
// The server names the trusteeship as an argument beside `input`; the rest are input fields.
const INPUT_FIELDS = ['measure', 'heldOn', 'description'] as const;
const MEASURES = Object.values(TrusteeshipMeasure);

/**
 * A group leader records a measure carried out for a partner school, on a phone in a few
 * taps: today and the trusteeship it was opened from are preselected, the measure defaults to
 * the first one agreed, only what was done has to be typed. What is typed is kept on the
 * device until the server has it.
 */
export function RecordActivityPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const viewer = useViewer();
  const lead = viewer.schoolsOf('GROUP_LEADER')[0];
  const today = useToday();
  const { data, error, refetch } = useQuery(ActivityTrusteeshipsQuery, {
    skip: !viewer.me,
    variables: { leadSchoolId: lead?.id },
  });
  const [record, { loading: saving }] = useMutation(RecordActivity, {
    refetchQueries: ['PortalCollaboration'],
    awaitRefetchQueries: true,
  });
  const [form] = Form.useForm<ActivityForm>();
  const [saveError, setSaveError] = useState<ErrorLike | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  const trusteeships = data?.trusteeships.nodes ?? [];
  const preselected = params.get('trusteeship');
  const first =
    trusteeships.find((tr) => tr.id === preselected) ??
    trusteeships.find((tr) => tr.status === 'ACTIVE') ??
    trusteeships[0];
  const defaults: ActivityForm | null =
    data && viewer.me
      ? {
          trusteeshipId: first?.id ?? '',
          measure: first?.measures[0] ?? MEASURES[0]!,
          heldOn: first ? lastActivityDay(first, today) : today,
          description: '',
        }
      : null;
  const draft = useFormDraft<ActivityForm>(
    viewer.me ? draftKey('trusteeship-activity', preselected ?? viewer.me.id) : null,
    defaults ? { values: defaults, base: null } : null,
    FIELDS,
  );

  const selectedId = Form.useWatch('trusteeshipId', form) ?? draft.initialValues?.trusteeshipId ?? '';
  const selected = trusteeships.find((tr) => tr.id === selectedId);
  const can = useQuery(CanRecordQuery, { skip: !selectedId, variables: { id: selectedId } });
  // Refused only once the server has said so: a slow answer does not hold the save back.
  const refused = can.data?.viewerCan === false;

  if (error || viewer.error) return <QueryState error={error ?? viewer.error} retry={() => void refetch()} />;
  if (!data) return <QueryState loading />;
  if (trusteeships.length === 0) return <Empty description={t('collaboration.noTrusteeships')} />;

  const save = async (values: ActivityForm) => {
    setSaveError(null);
    setOtherErrors([]);
    try {
      await record({
        variables: {
          trusteeshipId: values.trusteeshipId,
          input: { measure: values.measure, heldOn: values.heldOn, description: values.description.trim() },
        },
      });
      draft.saved(null);
      void message.success(t('collaboration.activityRecorded'));
      void navigate('/collaboration');
    } catch (e) {
      const err = e as ErrorLike;
      if (isNetworkError(err)) {
        setSaveError(err);
        return;
      }
      const { fields, other } = serverFieldErrors(err, INPUT_FIELDS, i18n.language);
      form.setFields(fields);
      setOtherErrors(other);
    }
  };

  const dateRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value || !selected) return;
      const problem = activityDateProblem(value, selected, today);
      if (problem) throw new Error(t(`activityRule.${problem.rule}` as const, { date: problem.date ?? '' }));
    },
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('collaboration.recordActivity')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={12} style={{ marginBottom: 12 }}>
          <DraftNotices<ActivityForm>
            draft={draft}
            labels={{
              trusteeshipId: t('collaboration.trusteeship'),
              measure: t('collaboration.measure'),
              heldOn: t('collaboration.heldOn'),
              description: t('collaboration.description'),
            }}
            server={defaults}
            apply={(values) => form.setFieldsValue(values)}
            saveError={saveError}
          />
          {otherErrors.length > 0 && (
            <Alert type="error" showIcon role="alert" data-testid="save-error" title={otherErrors.join('；')} />
          )}
          {refused && (
            <Alert type="warning" showIcon data-testid="activity-not-allowed" title={t('collaboration.notAllowed')} />
          )}
        </Flex>
        {draft.ready && draft.initialValues && (
          <Form<ActivityForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={draft.initialValues}
            onValuesChange={(changed, all) => {
              draft.record(all);
              // A date checked against the previous trusteeship's period is checked again.
              if ('trusteeshipId' in changed) void form.validateFields(['heldOn']).catch(() => undefined);
            }}
            onFinish={(values) => void save(values)}
          >
            <Form.Item name="trusteeshipId" label={t('collaboration.trusteeship')} rules={[{ required: true }]}>
              <Select
                data-testid="activity-trusteeship"
                options={trusteeships.map((tr) => ({
                  value: tr.id,
                  label: `${tr.partnerSchool?.name ?? '—'} · ${t(`enums.trusteeshipStatus.${tr.status}`)}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="measure" label={t('collaboration.measure')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="activity-measure"
                optionType="button"
                options={MEASURES.map((m) => ({ value: m, label: t(`enums.measure.${m}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="heldOn"
              label={t('collaboration.heldOn')}
              dependencies={['trusteeshipId']}
              rules={[{ required: true, message: t('collaboration.rule.heldOnRequired') }, dateRule]}
            >
              <Input
                type="date"
                data-testid="activity-date"
                min={selected?.startDate}
                max={selected ? lastActivityDay(selected, today) : today}
              />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('collaboration.description')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('activityRule.description', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
                },
                {
                  validator: async (_, value: string | undefined) => {
                    const length = (value ?? '').trim().length;
                    if (length > 0 && (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX)) {
                      throw new Error(t('activityRule.description', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }));
                    }
                  },
                },
              ]}
            >
              <Input.TextArea
                data-testid="activity-description"
                autoSize={{ minRows: 3, maxRows: 8 }}
                showCount
                maxLength={DESCRIPTION_MAX}
                placeholder={t('collaboration.descriptionPlaceholder')}
              />
            </Form.Item>
            <Flex gap={8} vertical>
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={saving}
                disabled={refused}
                data-testid="activity-save"
              >
                {t('common.save')}
              </Button>
              <Link to="/collaboration" style={{ textAlign: 'center' }}>
                {t('collaboration.back')}
              </Link>
            </Flex>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
