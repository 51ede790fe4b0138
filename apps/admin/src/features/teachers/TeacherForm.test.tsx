import { isValidIdNumber } from './id-number';
import { act, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MockedProvider } from '@apollo/client/testing/react';
import { App } from 'antd';
import '../../app/i18n';
import { makeFragmentData } from '../../gql';
import { TeacherFormModal, TeacherForm_TeacherFragment } from './TeacherForm';
import {
  BackboneLevel,
  Degree,
  Gender,
  SchoolPickerDocument,
  TeacherFormUpdateDocument,
  Title,
} from '../../gql/graphql';

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
});

const teacher = {
  __typename: 'Teacher' as const,
  id: 'VGVhY2hlcjox',
  staffNumber: 'T-001',
  name: '王老师',
  gender: Gender.Female,
  subject: '语文',
  isFullTime: true,
  degree: Degree.Bachelor,
  title: Title.First,
  backboneLevel: BackboneLevel.None,
  isRenowned: false,
  hireDate: '2015-09-01',
  idNumber: '37012619971101442X',
  phone: '15028139386',
  birthDate: null,
  school: { __typename: 'School' as const, id: 'U2Nob29sOjE', name: '甲镇中心小学' },
};

const schoolSearch = {
  request: { query: SchoolPickerDocument, variables: {} },
  result: { data: { schools: { __typename: 'SchoolConnection', nodes: [] } } },
  maxUsageCount: 10,
};

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function renderForm(canEditPersonal: boolean, mocks: ComponentProps<typeof MockedProvider>['mocks'] = []) {
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() =>
    root!.render(
      <MockedProvider mocks={[schoolSearch, ...(mocks ?? [])]}>
        <App>
          <TeacherFormModal
            teacher={makeFragmentData(teacher, TeacherForm_TeacherFragment)}
            canEditPersonal={canEditPersonal}
            onClose={() => {}}
          />
        </App>
      </MockedProvider>,
    ),
  );
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const withText = (text: string) =>
  [...document.querySelectorAll<HTMLElement>('body *')].find(
    (el) => el.children.length === 0 && el.textContent === text,
  );
function type(selector: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(selector)!;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const click = (el: HTMLElement | null) => act(() => el!.click());

describe('TeacherFormModal', () => {
  it('offers no personal fields when the server masks them for the viewer, so a mask is never saved', () => {
    renderForm(false);
    expect(document.querySelector('#name')).toBeTruthy();
    expect(document.querySelector('#idNumber')).toBeNull();
    expect(document.querySelector('#phone')).toBeNull();
  });

  it('refuses an ID number whose check digit is wrong before asking the server', async () => {
    renderForm(true); // only the school search is mocked: an update would fail the test
    type('#idNumber', '370126199711014421');
    click(byTestId('save'));
    await vi.waitFor(() => expect(withText('身份证号须为有效的 18 位号码')).toBeTruthy());
  });

  it('sends only the changed field and shows the server’s error under it', async () => {
    renderForm(true, [
      {
        request: { query: TeacherFormUpdateDocument, variables: { id: teacher.id, input: { staffNumber: 'T-002' } } },
        result: {
          errors: [
            {
              message: 'Invalid value for input.staffNumber',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ path: 'input.staffNumber', message: 'already used', messageZh: '工号在本校已被使用' }],
              },
            },
          ],
        },
      },
    ]);
    type('#staffNumber', 'T-002');
    click(byTestId('save'));
    await vi.waitFor(() => expect(withText('工号在本校已被使用')).toBeTruthy());
    expect(withText('工号在本校已被使用')!.closest('.ant-form-item')?.querySelector('#staffNumber')).toBeTruthy();
  });
});

describe('isValidIdNumber', () => {
  it('checks the date and the ISO 7064 check character as the server does', () => {
    expect(isValidIdNumber('37012619971101442X')).toBe(true);
    expect(isValidIdNumber('370126199711014421')).toBe(false);
    expect(isValidIdNumber('370126199702301234')).toBe(false);
  });
});
