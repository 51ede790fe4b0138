import { getNamedType } from 'graphql';
import { validate, type ValidationError } from 'class-validator';
import type { ResolverData } from 'type-graphql';
import { badInput, type FieldError } from './errors.js';

const ZH: Record<string, string> = {
  matches: '格式不正确',
  isLength: '长度不符合要求',
  maxLength: '过长',
  minLength: '过短',
  isNotEmpty: '不能为空',
  min: '数值过小',
  max: '数值过大',
  isInt: '须为整数',
  isDateString: '日期格式不正确',
  isISO8601: '日期格式不正确',
  isEnum: '取值无效',
  isPhoneNumber: '电话号码格式不正确',
  isIdNumber: '身份证号不正确',
  maxPageSize: '每页条数超出上限',
};

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      out.push({ path, message, messageZh: ZH[constraint] ?? '取值无效', constraint });
    }
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

/**
 * type-graphql's validateFn: runs class-validator on every object argument and reports
 * each failure with its path from the argument root (`input.code`), a machine-readable
 * constraint and a Chinese message, as BAD_USER_INPUT.
 */
export async function validateArgument(value: unknown, type: unknown, data: ResolverData<object>): Promise<void> {
  checkText(data.args);
  if (value === null || typeof value !== 'object') return;
  const argName = argumentNameOf(type, data);
  const items = Array.isArray(value) ? value : [value];
  const fields: FieldError[] = [];
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== 'object') continue;
    const errors = await validate(item as object, { skipMissingProperties: true, forbidUnknownValues: false });
    flatten(errors, Array.isArray(value) ? `${argName}.${index}` : argName, fields);
  }
  if (fields.length > 0) throw badInput(fields);
}

/** A UTF-16 half with no partner: not a character, and PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const checked = new WeakSet<object>();

/**
 * Text no column can hold is refused at the door with its path, for every argument of
 * every field (validateFn runs once per parameter; the field's args are checked once):
 * NUL (PostgreSQL text cannot contain it) and lone surrogates (not Unicode; the driver
 * would send U+FFFD or fail). Without this they reached the database and came back as
 * internal errors.
 */
function checkText(args: Record<string, unknown>): void {
  if (!args || typeof args !== 'object' || checked.has(args)) return;
  checked.add(args);
  const fields: FieldError[] = [];
  const walk = (value: unknown, path: string): void => {
    if (fields.length >= 10) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        fields.push({
          path,
          message: 'must not contain the NUL character',
          messageZh: '不能包含空字符（NUL）',
          constraint: 'text',
        });
      else if (LONE_SURROGATE.test(value))
        fields.push({
          path,
          message: 'is not valid Unicode text (lone surrogate)',
          messageZh: '含有无效的 Unicode 字符',
          constraint: 'text',
        });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}.${i}`));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(args, '');
  if (fields.length > 0) throw badInput(fields);
}

/**
 * The name of the argument whose input type is `type` (input classes share their GraphQL
 * type name). @ArgsType classes have no single argument: their fields are top-level.
 */
function argumentNameOf(type: unknown, data: ResolverData<object>): string {
  const typeName = typeof type === 'function' ? type.name : undefined;
  const field = data.info.parentType.getFields()[data.info.fieldName];
  return field?.args.find((a) => getNamedType(a.type).name === typeName)?.name ?? '';
}
