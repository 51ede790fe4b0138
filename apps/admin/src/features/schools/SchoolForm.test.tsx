import { act, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MockedProvider } from '@apollo/client/testing/react';
import { App } from 'antd';
import '../../app/i18n';
import { makeFragmentData } from '../../gql';
import { SchoolForm, SchoolForm_SchoolFragment } from './SchoolForm';
import { SchoolFormUpdateDocument, SchoolLocality, SchoolStage } from '../../gql/graphql';

beforeAll(() => {
  // antd's responsive helpers ask for media queries, which jsdom lacks.
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

const school = {
  __typename: 'School' as const,
  id: 'U2Nob29sOjE',
  code: '3701260001',
  name: '甲镇中心小学',
  stage: SchoolStage.Primary,
  locality: SchoolLocality.Town,
  isTownSeat: true,
  studentCount: 300,
  classCount: 12,
  address: null,
  foundedYear: 1980,
  isBoarding: false,
  providesLunch: true,
  runsSchoolBus: false,
};

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

function renderForm(canEdit: boolean, mocks: ComponentProps<typeof MockedProvider>['mocks'] = []) {
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() =>
    root!.render(
      <MockedProvider mocks={mocks}>
        <App>
          <SchoolForm school={makeFragmentData(school, SchoolForm_SchoolFragment)} canEdit={canEdit} />
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

describe('SchoolForm', () => {
  it('has no Save button when the server says the viewer may not update the school', () => {
    renderForm(false);
    expect(byTestId('save')).toBeNull();
    expect(withText('您没有修改这所学校的权限')).toBeTruthy();
  });

  it('sends only the changed field and shows the server’s field error under that field', async () => {
    renderForm(true, [
      {
        request: { query: SchoolFormUpdateDocument, variables: { id: school.id, input: { studentCount: 310 } } },
        result: {
          errors: [
            {
              message: 'Invalid value for input.studentCount',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ path: 'input.studentCount', message: 'exceeds the capacity', messageZh: '超过学校容量' }],
              },
            },
          ],
        },
      },
    ]);
    type('#studentCount', '310');
    click(byTestId('save'));
    await vi.waitFor(() => expect(withText('超过学校容量')).toBeTruthy());
    const item = withText('超过学校容量')!.closest('.ant-form-item');
    expect(item?.querySelector('#studentCount')).toBeTruthy();
  });

  it('refuses a code that is not 10 digits before asking the server', async () => {
    renderForm(true); // no mocks: a request would fail the test with "no more mocked responses"
    type('#code', '12345');
    click(byTestId('save'));
    await vi.waitFor(() => expect(withText('学校标识码须为 10 位数字')).toBeTruthy());
  });
});
