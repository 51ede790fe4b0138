import { describe, expect, it } from 'vitest';
import { attentionItems } from './attention';

const town = { id: 't1', name: '玉皇庙镇' };
const base = {
  today: '2026-11-28',
  year: 2026,
  overdue: [],
  exchanges: [],
  plans: [],
  assignments: [],
  researcher: false,
};

describe('what needs attention on the home screen', () => {
  it('puts a returned plan first, with the district’s comment', () => {
    const items = attentionItems(
      {
        ...base,
        plans: [
          {
            id: 'p27',
            year: 2027,
            state: 'RETURNED',
            dueDate: '2027-03-29',
            town,
            transitions: [
              { at: '2026-11-01', toState: 'SUBMITTED' },
              { at: '2026-11-02', toState: 'RETURNED', comment: '请补充量化指标' },
            ],
          },
        ],
        exchanges: [
          {
            id: 'e',
            endDate: '2026-12-10',
            teacher: { name: '王' },
            fromSchool: { name: 'A' },
            toSchool: { name: 'B' },
          },
        ],
      },
      30,
    );
    expect(items.map((i) => i.kind)).toEqual(['planReturned', 'exchangeEnding']);
    expect(items[0]!.detail).toBe('请补充量化指标');
    expect(items[1]!.params.days).toBe(12);
  });

  it('asks for next year’s plan from October, and not once it exists', () => {
    const plan2026 = { id: 'p26', year: 2026, state: 'FILED', dueDate: '2026-03-29', town, transitions: [] };
    expect(attentionItems({ ...base, plans: [plan2026] }, 30).map((i) => i.kind)).toEqual(['planMissing']);
    const draft2027 = { ...plan2026, id: 'p27', year: 2027, state: 'DRAFT', dueDate: '2027-03-29' };
    expect(attentionItems({ ...base, plans: [draft2027, plan2026] }, 30)).toEqual([]);
    expect(attentionItems({ ...base, today: '2027-03-10', year: 2027, plans: [draft2027] }, 30)[0]!.kind).toBe(
      'planDue',
    );
  });

  it('lists each month without joint research, linking a researcher to the recording form', () => {
    const items = attentionItems(
      {
        ...base,
        researcher: true,
        assignments: [
          {
            id: 'a1',
            missingMonths: ['2026-02'],
            researcher: { name: '徐国' },
            school: { id: 's', name: '白桥镇中心小学' },
          },
        ],
      },
      30,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.link).toBe('/research?assignment=a1&month=2026-02');
  });

  it('shows the month in progress as due to its researcher, never as missed, and not to the school', () => {
    const assignment = {
      id: 'a1',
      missingMonths: ['2026-10'],
      dueMonth: '2026-12',
      researcher: { name: '徐国' },
      school: { id: 's', name: '白桥镇中心小学' },
    };
    const mine = attentionItems({ ...base, today: '2026-12-03', researcher: true, assignments: [assignment] }, 30);
    expect(mine.map((i) => [i.kind, i.params.month])).toEqual([
      ['missingMonth', '2026-10'],
      ['dueMonth', '2026-12'],
    ]);
    expect(mine[1]!.link).toBe('/research?assignment=a1&month=2026-12');
    const school = attentionItems({ ...base, today: '2026-12-03', assignments: [assignment] }, 30);
    expect(school.map((i) => i.kind)).toEqual(['missingMonth']);
  });
});
