import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { changedValues, serverFieldErrors } from './field-errors';

const FIELDS = ['code', 'name', 'studentCount'] as const;

function badInput(fields: { path: string; message: string; messageZh?: string }[], code = 'BAD_USER_INPUT') {
  return new CombinedGraphQLErrors({
    errors: [{ message: 'Invalid input', extensions: { code, messageZh: '输入有误', fields } }],
  });
}

describe('server field errors on the form', () => {
  it('puts each input.<field> error on that field, in the console language', () => {
    const error = badInput([
      { path: 'input.code', message: 'must be 10 digits', messageZh: '须为 10 位数字' },
      { path: 'input.studentCount', message: 'must not be negative', messageZh: '不能为负数' },
    ]);
    expect(serverFieldErrors(error, FIELDS, 'zh-CN')).toEqual({
      fields: [
        { name: 'code', errors: ['须为 10 位数字'] },
        { name: 'studentCount', errors: ['不能为负数'] },
      ],
      other: [],
    });
    expect(serverFieldErrors(error, FIELDS, 'en').fields[0]).toEqual({ name: 'code', errors: ['must be 10 digits'] });
  });

  it('shows a CONFLICT on the field it names (a code another school has)', () => {
    const error = badInput([{ path: 'input.code', message: 'is taken', messageZh: '已被使用' }], 'CONFLICT');
    expect(serverFieldErrors(error, FIELDS, 'zh-CN').fields).toEqual([{ name: 'code', errors: ['已被使用'] }]);
  });

  it('keeps errors for fields the form does not have, and errors without fields, for the message above it', () => {
    const withUnknown = badInput([
      { path: 'input.townId', message: 'is in another district' },
      { path: 'id', message: 'malformed' },
    ]);
    expect(serverFieldErrors(withUnknown, FIELDS, 'en')).toEqual({
      fields: [],
      other: ['input.townId: is in another district', 'id: malformed'],
    });
    const forbidden = new CombinedGraphQLErrors({
      errors: [{ message: 'You may not do this', extensions: { code: 'FORBIDDEN', messageZh: '无权执行此操作' } }],
    });
    expect(serverFieldErrors(forbidden, FIELDS, 'zh-CN')).toEqual({ fields: [], other: ['无权执行此操作'] });
  });
});

describe('changed values', () => {
  it('sends only what changed, and an emptied field as null', () => {
    const initial = { name: '甲校', studentCount: 300, address: '一路' as string | null };
    expect(changedValues(initial, { name: '甲校', studentCount: 310, address: '' })).toEqual({
      studentCount: 310,
      address: null,
    });
    expect(changedValues(initial, { ...initial })).toEqual({});
  });
});
