import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState, useToday } from '@zhuji/client/ui';
import { errorMessage } from '@zhuji/client/errors';
import { schoolYearOf } from '@zhuji/client/days';
import { getFragmentData, graphql } from '../../gql';
import type { SchoolCalendarPage_CalendarFragment } from '../../gql/graphql';

// What the screen shows of a calendar, read and returned by a save alike.
const Calendar_Fields = graphql(`
  fragment SchoolCalendarPage_Calendar on SchoolCalendar {
    schoolYear
    isDefault
    months {
      month
      term
    }
  }
`);

const SchoolCalendarQuery = graphql(`
  query SchoolCalendarPage($schoolYear: Int!) {
    schoolCalendar(schoolYear: $schoolYear) {
      ...SchoolCalendarPage_Calendar
    }
    canConfigure: viewerCan(action: PROGRAMME_CONFIGURE)
  }
`);

const SetSchoolCalendar = graphql(`
  mutation SchoolCalendarPageSet($input: SetSchoolCalendarInput!) {
    setSchoolCalendar(input: $input) {
      ...SchoolCalendarPage_Calendar
    }
  }
`);

type Calendar = SchoolCalendarPage_CalendarFragment;

/**
 * The city's school calendar, one school year at a time: which months are term (joint
 * research owed) and which holidays (owed nothing, never missing). The city admin toggles
 * and saves; everyone else reads it, as the server allows (viewerCan PROGRAMME_CONFIGURE).
 */
export function SchoolCalendarPage() {
  const { t } = useTranslation();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const current = schoolYearOf(today);
  const raw = Number(params.get('year'));
  const schoolYear = Number.isInteger(raw) && raw > 2000 ? raw : current;
  const { data, loading, error, refetch } = useQuery(SchoolCalendarQuery, { variables: { schoolYear } });
  const calendar = data && getFragmentData(Calendar_Fields, data.schoolCalendar);
  // Two years back (a past verdict), the current one and the next, which is planned ahead.
  const years = [current + 1, current, current - 1, current - 2];
  if (!years.includes(schoolYear)) years.push(schoolYear);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="school-calendar">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Select
          data-testid="school-year"
          aria-label={t('calendar.schoolYear')}
          style={{ width: 180 }}
          value={schoolYear}
          onChange={(next: number) => setParams(next === current ? {} : { year: String(next) })}
          options={years
            .sort((a, b) => b - a)
            .map((y) => ({ value: y, label: t('calendar.schoolYearLabel', { start: y, end: y + 1 }) }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      {calendar?.schoolYear === schoolYear && data ? (
        // Keyed by what the server holds, so switching year or saving starts from its answer.
        <MonthToggles
          key={`${schoolYear}:${calendar.months.map((m) => +m.term).join('')}`}
          calendar={calendar}
          canConfigure={data.canConfigure}
        />
      ) : (
        <QueryState loading={loading || !error} error={error} retry={() => void refetch()} />
      )}
    </Space>
  );
}

function MonthToggles({ calendar, canConfigure }: { calendar: Calendar; canConfigure: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [term, setTerm] = useState(() => new Map(calendar.months.map((m) => [m.month, m.term])));
  // A calendar has no id for Apollo's cache to update in place: read it again after saving,
  // which remounts the toggles (keyed by the saved months) from the server's answer.
  const [save, { loading: saving }] = useMutation(SetSchoolCalendar, {
    refetchQueries: ['SchoolCalendarPage'],
    awaitRefetchQueries: true,
  });
  const [saveError, setSaveError] = useState<ErrorLike | null>(null);
  const changed = calendar.months.some((m) => term.get(m.month) !== m.term);
  const holidays = calendar.months.filter((m) => !term.get(m.month)).map((m) => m.month);

  const submit = async () => {
    setSaveError(null);
    try {
      await save({ variables: { input: { schoolYear: calendar.schoolYear, holidayMonths: holidays } } });
      void message.success(t('calendar.saved'));
    } catch (e) {
      setSaveError(e as ErrorLike);
    }
  };

  return (
    <Card
      title={
        <Space>
          {t('calendar.schoolYearLabel', { start: calendar.schoolYear, end: calendar.schoolYear + 1 })}
          <Tag color={calendar.isDefault ? 'default' : 'blue'} data-testid="calendar-default">
            {calendar.isDefault ? t('calendar.isDefault') : t('calendar.custom')}
          </Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('calendar.termCount', { term: 12 - holidays.length, holiday: holidays.length })}
        </Typography.Text>
      }
    >
      {!canConfigure && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.readOnly')}
          data-testid="read-only"
        />
      )}
      <Row gutter={[12, 12]}>
        {calendar.months.map(({ month }) => {
          const isTerm = term.get(month) ?? true;
          return (
            <Col key={month} xs={12} sm={8} md={6} lg={4}>
              <Card
                size="small"
                data-testid="calendar-month"
                data-month={month}
                data-term={isTerm}
                style={{ background: isTerm ? undefined : '#fafafa' }}
              >
                <Flex vertical gap={8} align="flex-start">
                  <Typography.Text strong>
                    {t('calendar.monthLabel', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) })}
                  </Typography.Text>
                  <Switch
                    checked={isTerm}
                    disabled={!canConfigure}
                    checkedChildren={t('calendar.term')}
                    unCheckedChildren={t('calendar.holiday')}
                    aria-label={t('calendar.monthLabel', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) })}
                    onChange={(next) => setTerm((prev) => new Map(prev).set(month, next))}
                  />
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      {saveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={t('common.saveFailed')}
          description={errorMessage(saveError, i18n.language)}
        />
      )}
      {canConfigure && (
        <Flex justify="flex-end" gap="small" style={{ marginTop: 16 }}>
          {!changed && <Typography.Text type="secondary">{t('calendar.unchanged')}</Typography.Text>}
          <Button
            type="primary"
            disabled={!changed}
            loading={saving}
            onClick={() => void submit()}
            data-testid="calendar-save"
          >
            {t('calendar.save')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
