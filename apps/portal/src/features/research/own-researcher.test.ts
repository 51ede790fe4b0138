import { describe, expect, it } from 'vitest';
import { ownResearcher } from './own-researcher';

const r = (id: string, schools: string[]) => ({ id, assignments: { nodes: schools.map((s) => ({ school: { id: s } })) } });

describe('the viewer’s own researcher record', () => {
  it('is the one whose assignments match the viewer’s grants, not a colleague sharing one school', () => {
    const colleague = r('sun', ['baiqiao']);
    const mine = r('xu', ['yuhuangmiao', 'baiqiao', 'sunji']);
    expect(ownResearcher([colleague, mine], ['yuhuangmiao', 'baiqiao', 'sunji'])).toBe(mine);
    expect(ownResearcher([colleague], ['yuhuangmiao'])).toBeNull();
  });
});
