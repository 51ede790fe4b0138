import { RectificationItemOrderField, RectificationStatus, StandardItem, FundSource } from '../../gql/graphql';
import { defineList } from '../../app/list/list-params';

/** The ledger table's URL: `?overdue=true&status=OPEN&districtId=…&schoolId=…&deadlineFrom=2026-03-01&deadlineTo=2026-03-31&sort=DEADLINE`. */
export const ledgerList = defineList({
  filters: {
    districtId: { kind: 'id' },
    townId: { kind: 'id' },
    schoolId: { kind: 'id' },
    status: { kind: 'enum', values: Object.values(RectificationStatus) },
    overdue: { kind: 'boolean' },
    standardItem: { kind: 'enum', values: Object.values(StandardItem) },
    fundSource: { kind: 'enum', values: Object.values(FundSource) },
    deadlineFrom: { kind: 'date' },
    deadlineTo: { kind: 'date' },
  },
  sorts: [
    RectificationItemOrderField.Deadline,
    RectificationItemOrderField.UpdatedAt,
    RectificationItemOrderField.CreatedAt,
  ],
  defaultSort: RectificationItemOrderField.Deadline,
});

/** The server's rules (apps/server/src/modules/ledger/ledger.inputs.ts), checked before sending. */
export const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
export const LIMITS = {
  problem: [2, 2000],
  measures: [2, 4000],
  owner: [1, 100],
  standardDetail: [1, 200],
  note: [1, 2000],
  evidence: [1, 4000],
} as const;

export type LedgerRuleError =
  | 'required'
  | 'length'
  | 'amount'
  | 'detailForOther'
  | 'evidenceWhenDone'
  | 'noteToReopen'
  | 'closedOnFuture'
  | 'closedOnOnlyDone'
  | 'unchanged';

/** Length of a trimmed text within [min, max], or the rule it breaks. */
export function checkLength(
  value: string | null | undefined,
  [min, max]: readonly [number, number],
): LedgerRuleError | null {
  const text = value?.trim() ?? '';
  if (!text) return min > 0 ? 'required' : null;
  return text.length < min || text.length > max ? 'length' : null;
}

export interface StatusChange {
  status?: RectificationStatus;
  note?: string;
  evidence?: string;
  closedOn?: string;
}

/**
 * What the server will refuse in a status change, by field: a change to the same status;
 * DONE without evidence (given now or already on the item); reopening a DONE item without
 * a note; a closing day in the future or on an item that is not DONE.
 */
export function statusChangeErrors(
  current: { status: RectificationStatus; evidence?: string | null },
  change: StatusChange,
  today: string,
): Partial<Record<keyof StatusChange, LedgerRuleError>> {
  const errors: Partial<Record<keyof StatusChange, LedgerRuleError>> = {};
  if (!change.status) errors.status = 'required';
  else if (change.status === current.status) errors.status = 'unchanged';
  if (change.note?.trim() && checkLength(change.note, LIMITS.note)) errors.note = 'length';
  if (change.evidence?.trim() && checkLength(change.evidence, LIMITS.evidence)) errors.evidence = 'length';
  if (change.status === RectificationStatus.Done) {
    if (!change.evidence?.trim() && !current.evidence?.trim()) errors.evidence = 'evidenceWhenDone';
    if (change.closedOn && change.closedOn > today) errors.closedOn = 'closedOnFuture';
  } else {
    if (change.closedOn) errors.closedOn = 'closedOnOnlyDone';
    if (change.status && current.status === RectificationStatus.Done && !change.note?.trim())
      errors.note = 'noteToReopen';
  }
  return errors;
}
