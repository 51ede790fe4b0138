import type { ErrorLike } from '@apollo/client';
import { graphQLErrors, type ServerFieldError } from './errors';

export interface FormFieldError<F extends string = string> {
  name: F;
  errors: string[];
}

/**
 * Maps the server's `extensions.fields[].path` (e.g. `input.studentCount`) onto the form's
 * fields: the argument prefix is dropped and only fields the form has are kept; the rest
 * (and errors without fields) are for a message above the form.
 */
export function serverFieldErrors<F extends string>(
  error: ErrorLike | null | undefined,
  formFields: readonly F[],
  language: string,
  argument = 'input',
): { fields: FormFieldError<F>[]; other: string[] } {
  const byField = new Map<F, string[]>();
  const other: string[] = [];
  for (const e of graphQLErrors(error)) {
    const fields = (e.extensions?.fields ?? []) as ServerFieldError[];
    const zhMessage = typeof e.extensions?.messageZh === 'string' ? e.extensions.messageZh : undefined;
    if (fields.length === 0) {
      other.push(language.startsWith('zh') && zhMessage ? zhMessage : e.message);
      continue;
    }
    for (const field of fields) {
      const text = language.startsWith('zh') && field.messageZh ? field.messageZh : field.message;
      const [root, name, ...rest] = field.path.split('.');
      const formField = formFields.find((f) => f === name);
      if (root === argument && formField && rest.length === 0) {
        byField.set(formField, [...(byField.get(formField) ?? []), text]);
      } else {
        other.push(`${field.path}: ${text}`);
      }
    }
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), other };
}

/** Only what changed goes to the server, so the audit log records the edit, nothing else. */
export function changedValues<T extends Record<string, unknown>>(initial: T, values: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const before = initial[key] ?? null;
    const after = values[key] === undefined || values[key] === '' ? null : values[key];
    if (before !== after) changed[key] = after as T[keyof T];
  }
  return changed;
}
