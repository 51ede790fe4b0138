import { useState, type ReactNode } from 'react';
import { useToday } from '@zhuji/client/ui';
import type { ErrorLike } from '@apollo/client';
import { Alert, App, Form, Input, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphQLErrors, type ServerFieldError } from '@zhuji/client/errors';
import { serverFieldErrors } from '@zhuji/client/field-errors';

/**
 * Field errors of mutations whose fields are top-level arguments (`endGroupMembership(id,
 * leftOn)`: the server's path is `leftOn`, not `input.leftOn`), split as serverFieldErrors does.
 */
export function argumentErrors<F extends string>(
  error: ErrorLike,
  names: readonly F[],
  language: string,
): { fields: { name: F; errors: string[] }[]; other: string[] } {
  const zh = language.startsWith('zh');
  const fields: { name: F; errors: string[] }[] = [];
  const other: string[] = [];
  for (const e of graphQLErrors(error)) {
    const list = (e.extensions?.fields ?? []) as ServerFieldError[];
    const messageZh = typeof e.extensions?.messageZh === 'string' ? e.extensions.messageZh : undefined;
    if (list.length === 0) other.push(zh && messageZh ? messageZh : e.message);
    for (const f of list) {
      const text = zh && f.messageZh ? f.messageZh : f.message;
      const name = names.find((n) => n === f.path);
      if (name) fields.push({ name, errors: [text] });
      else other.push(zh && messageZh ? messageZh : text);
    }
  }
  if (fields.length === 0 && other.length === 0) other.push(error.message);
  return { fields, other };
}

/** The server's errors that belong to no field, above the form. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errors.join('；')} />;
}

/**
 * Saving a form: runs the mutation(s), and on failure puts the server's field errors under
 * their fields and the rest above the form.
 */
export function useFormSave(form: FormInstance, fields: readonly string[]) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setErrors([]);
    setSaving(true);
    try {
      await action();
    } catch (e) {
      const { fields: byField, other } = serverFieldErrors(e as ErrorLike, fields, i18n.language);
      form.setFields(byField);
      setErrors(other.length || byField.length ? other : [t('common.saveFailed')]);
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, run };
}

/** A form in a modal: Save submits it (validated first), server errors above the fields. */
export function FormModal<V>(props: {
  title: string;
  form: FormInstance<V>;
  saving: boolean;
  errors: string[];
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  onValuesChange?: (changed: Partial<V>) => void;
  onClose: () => void;
  testId: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={props.width ?? 620}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'save', loading: props.saving } as ButtonProps}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<V>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={props.onFinish}
        onValuesChange={props.onValuesChange}
        data-testid={props.testId}
      >
        <FormErrors errors={props.errors} />
        {props.children}
      </Form>
    </Modal>
  );
}

/**
 * Ends a period (a membership, a trusteeship, an exchange, an assignment) on its last day:
 * a confirm that says the end stays as history, with the day checked against the period's
 * start before the server is asked. `end` runs the mutation; its field errors for `field`
 * (a top-level argument) land under the date.
 */
export function EndPeriodModal(props: {
  title: string;
  hint: string;
  okText: string;
  label: string;
  field: string;
  notBefore: string;
  notBeforeMessage: string;
  successText: string;
  end: (day: string) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  const save = async (values: Record<string, string>) => {
    setOtherErrors([]);
    setSaving(true);
    try {
      await props.end(values[props.field]!);
      void message.success(props.successText);
      props.onSaved();
      props.onClose();
    } catch (e) {
      const { fields, other } = argumentErrors(e as ErrorLike, [props.field], i18n.language);
      form.setFields(fields);
      setOtherErrors(other);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'confirm-end' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.hint} />
      <FormErrors errors={otherErrors} />
      <Form form={form} layout="vertical" initialValues={{ [props.field]: today }} onFinish={(v) => void save(v)}>
        <Form.Item
          name={props.field}
          label={props.label}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, v: string) =>
                !v || v >= props.notBefore ? Promise.resolve() : Promise.reject(new Error(props.notBeforeMessage)),
            },
          ]}
        >
          <Input type="date" data-testid="end-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
