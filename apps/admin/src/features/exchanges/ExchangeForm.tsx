import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { TeacherExchangeKind, type CreateTeacherExchangeInput } from '../../gql/graphql';
import { changedValues } from '@zhuji/client/field-errors';
import { FormModal, useFormSave } from '../../app/records/forms';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

export const ExchangeForm_ExchangeFragment = graphql(`
  fragment ExchangeForm_Exchange on TeacherExchange {
    id
    kind
    startDate
    endDate
    teacher {
      id
      name
      school {
        id
        name
      }
    }
    toSchool {
      id
      name
    }
  }
`);

const TeacherSearchQuery = graphql(`
  query ExchangeFormTeacherSearch($filter: TeacherFilter) {
    teachers(filter: $filter, first: 20, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
        staffNumber
        school {
          id
          name
        }
      }
    }
  }
`);

const CreateExchangeMutation = graphql(`
  mutation ExchangeFormCreate($input: CreateTeacherExchangeInput!) {
    createTeacherExchange(input: $input) {
      id
    }
  }
`);

const UpdateExchangeMutation = graphql(`
  mutation ExchangeFormUpdate($id: ID!, $input: UpdateTeacherExchangeInput!) {
    updateTeacherExchange(id: $id, input: $input) {
      id
      ...ExchangeForm_Exchange
    }
  }
`);

type TeacherOption = { id: string; name: string; school: { id: string; name: string } | null };

/** Picks a teacher by name or staff number; reports the teacher's school (the sending one). */
function TeacherSelect(props: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  onTeacher: (teacher: TeacherOption | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(TeacherSearchQuery, {
    variables: { filter: search.trim() ? { search: search.trim() } : {} },
  });
  const found = (data ?? previousData)?.teachers.nodes ?? [];
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      placeholder={t('exchanges.teacherPlaceholder')}
      value={props.value}
      options={found.map((x) => ({
        value: x.id,
        label: t('records.withNote', { name: x.name, note: `${x.staffNumber ?? '—'} · ${x.school?.name ?? '—'}` }),
      }))}
      onChange={(id: string) => {
        props.onChange?.(id);
        props.onTeacher(found.find((x) => x.id === id));
      }}
      notFoundContent={loading ? undefined : t('common.empty')}
    />
  );
}

type Values = {
  teacherId: string;
  kind: TeacherExchangeKind;
  toSchoolId: string;
  startDate: string;
  endDate: string | null;
};
const FIELDS = ['teacherId', 'kind', 'toSchoolId', 'startDate', 'endDate'] as const;

/**
 * Creates an exchange (the sending school is the teacher's own) or edits its kind and dates;
 * checked as the server checks: another school receives, the end not before the start.
 * Overlaps with the teacher's other exchanges are the server's to find; its message shows.
 */
export function ExchangeFormModal(props: {
  exchange?: FragmentType<typeof ExchangeForm_ExchangeFragment>;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exchange = getFragmentData(ExchangeForm_ExchangeFragment, props.exchange);
  const [form] = Form.useForm<Values>();
  const [create] = useMutation(CreateExchangeMutation);
  const [update] = useMutation(UpdateExchangeMutation);
  const { errors, saving, run } = useFormSave(form, FIELDS);
  const [teacher, setTeacher] = useState<TeacherOption | undefined>(exchange?.teacher);
  const initial = useMemo<Partial<Values>>(
    () =>
      exchange
        ? {
            teacherId: exchange.teacher.id,
            kind: exchange.kind,
            toSchoolId: exchange.toSchool.id,
            startDate: exchange.startDate,
            endDate: exchange.endDate ?? null,
          }
        : { kind: TeacherExchangeKind.Rotation },
    [exchange],
  );

  const save = (values: Values) =>
    run(async () => {
      if (exchange) {
        const { kind, startDate, endDate } = changedValues(initial as Values, values);
        const input = Object.fromEntries(
          Object.entries({ kind, startDate, endDate }).filter(([, v]) => v !== undefined),
        );
        if (Object.keys(input).length > 0) await update({ variables: { id: exchange.id, input } });
        void message.success(t('common.saved'));
        props.onSaved?.(exchange.id);
      } else {
        const input = Object.fromEntries(
          Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
        ) as unknown as CreateTeacherExchangeInput;
        const result = await create({
          variables: { input },
          update: (cache) => cache.evict({ fieldName: 'teacherExchanges' }),
        });
        void message.success(t('exchanges.created'));
        props.onSaved?.(result.data!.createTeacherExchange.id);
      }
      props.onClose();
    });

  const required = [{ required: true, message: t('exchanges.rule.required') }];
  return (
    <FormModal<Values>
      width={680}
      title={exchange ? `${t('exchanges.edit')} · ${exchange.teacher.name}` : t('exchanges.create')}
      form={form}
      saving={saving}
      errors={errors}
      initialValues={initial}
      onFinish={(values) => void save(values)}
      onClose={props.onClose}
      testId="exchange-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="teacherId"
            label={t('exchanges.field.teacher')}
            rules={required}
            extra={
              teacher &&
              t('records.labelled', { label: t('exchanges.field.fromSchool'), value: teacher.school?.name ?? '—' })
            }
          >
            {exchange ? (
              <Select disabled options={[{ value: exchange.teacher.id, label: exchange.teacher.name }]} />
            ) : (
              <TeacherSelect onTeacher={setTeacher} />
            )}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="toSchoolId"
            label={t('exchanges.field.toSchool')}
            rules={[
              ...required,
              {
                validator: (_, v?: string) =>
                  !v || v !== teacher?.school?.id
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('exchanges.rule.sameSchool'))),
              },
            ]}
          >
            <SchoolPicker disabled={Boolean(exchange)} initial={exchange?.toSchool} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('exchanges.field.kind')} rules={required}>
            <Select
              options={Object.values(TeacherExchangeKind).map((v) => ({
                value: v,
                label: t(`teachers.enum.exchangeKind.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startDate" label={t('exchanges.field.startDate')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="endDate"
            label={t('exchanges.field.endDate')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: string | null) => {
                  const start = getFieldValue('startDate') as string | undefined;
                  return !v || !start || v >= start
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('exchanges.rule.endBeforeStart')));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
