import type { EntityManager } from 'typeorm';
import type { ImportKind } from './import.columns.js';
import type { StageColumn } from './import.service.js';

/**
 * The rules of memberships and trusteeships that span rows, checked in SQL over the whole
 * staged file together with the stored records, as GroupMembershipService and
 * TrusteeshipService check them for one record: periods that must not overlap, a stored
 * end day that is a fact on record, a mode fixed at creation, activities after an end.
 * A file row with the natural key of a stored record is that record's new version.
 */

export interface RelationError {
  row: number;
  column: string;
  value: string | null;
  message: string;
  messageZh: string;
}

/** A file row whose period overlaps another: a row of the same file, or a stored record. */
interface Overlap {
  row: number;
  value: string;
  other_row: number | null;
  other_from: string;
  other_to: string | null;
}

type Message = Pick<RelationError, 'message' | 'messageZh'>;

function overlapError(o: Overlap, column: string, withRow: Message, withStored: Message): RelationError {
  return { row: o.row, column, value: o.value, ...(o.other_row !== null ? withRow : withStored) };
}

const until = (day: string | null) => day ?? 'open-ended';
const untilZh = (day: string | null) => day ?? '未结束';

export async function relationChecks(
  em: EntityManager,
  kind: ImportKind,
  stage: StageColumn[],
  limit: number,
): Promise<RelationError[]> {
  if (kind === 'memberships') return membershipChecks(em, limit);
  if (kind === 'trusteeships') return trusteeshipChecks(em, stage, limit);
  return [];
}

async function membershipChecks(em: EntityManager, limit: number): Promise<RelationError[]> {
  const errors: RelationError[] = [];
  const ended: { row: number; value: string | null; ended: string }[] = await em.query(
    `SELECT s.row_no AS row, s.left_on::text AS value, m.left_on::text AS ended
       FROM import_stage s JOIN group_membership m
         ON m.group_id = s.group_id AND m.school_id = s.school_id AND m.joined_on = s.joined_on
      WHERE m.left_on IS NOT NULL AND s.left_on IS DISTINCT FROM m.left_on ORDER BY s.row_no LIMIT ${limit}`,
  );
  for (const e of ended) {
    errors.push({
      row: e.row,
      column: '退出日期',
      value: e.value,
      message: `退出日期 (leftOn) this membership already ended on ${e.ended}; its end day cannot change`,
      messageZh: `该成员期已于 ${e.ended} 结束，退出日期不能更改`,
    });
  }
  // Periods of one school in one group: the file's rows and the stored ones it does not restate.
  const overlaps: Overlap[] = await em.query(
    `WITH p AS (
         SELECT s.row_no, s.group_id, s.school_id, s.joined_on, s.left_on FROM import_stage s
         UNION ALL
         SELECT NULL, m.group_id, m.school_id, m.joined_on, m.left_on FROM group_membership m
          WHERE m.approval <> 'DECLINED' AND EXISTS (SELECT 1 FROM import_stage s WHERE s.group_id = m.group_id AND s.school_id = m.school_id)
            AND NOT EXISTS (SELECT 1 FROM import_stage s
                             WHERE s.group_id = m.group_id AND s.school_id = m.school_id AND s.joined_on = m.joined_on))
       SELECT DISTINCT ON (a.row_no) a.row_no AS row, a.joined_on::text AS value, b.row_no AS other_row,
              b.joined_on::text AS other_from, b.left_on::text AS other_to
         FROM p a JOIN p b ON b.group_id = a.group_id AND b.school_id = a.school_id AND b.joined_on <> a.joined_on
          AND daterange(a.joined_on, a.left_on, '[]') && daterange(b.joined_on, b.left_on, '[]')
        WHERE a.row_no IS NOT NULL AND (b.row_no IS NULL OR b.row_no < a.row_no)
        ORDER BY a.row_no, b.joined_on LIMIT ${limit}`,
  );
  for (const o of overlaps) {
    errors.push(
      overlapError(
        o,
        '加入日期',
        {
          message: `加入日期 (joinedOn) overlaps this school's membership on row ${o.other_row}`,
          messageZh: `与第 ${o.other_row} 行该校的成员期重叠`,
        },
        {
          message: `加入日期 (joinedOn) overlaps this school's membership from ${o.other_from} (${until(o.other_to)})`,
          messageZh: `与该校已有成员期重叠（${o.other_from} 起，${untilZh(o.other_to)}）`,
        },
      ),
    );
  }
  return errors;
}

async function trusteeshipChecks(em: EntityManager, stage: StageColumn[], limit: number): Promise<RelationError[]> {
  const errors: RelationError[] = [];
  const key = `t.lead_school_id = s.lead_school_id AND t.partner_school_id = s.partner_school_id AND t.start_date = s.start_date`;
  const modeChanged: { row: number; value: string; was: string }[] = await em.query(
    `SELECT s.row_no AS row, s.mode::text AS value, t.mode::text AS was
       FROM import_stage s JOIN trusteeship t ON ${key} WHERE t.mode <> s.mode ORDER BY s.row_no LIMIT ${limit}`,
  );
  for (const m of modeChanged) {
    errors.push({
      row: m.row,
      column: '帮扶方式',
      value: m.value,
      message: `帮扶方式 (mode) of an existing trusteeship cannot change (it is ${m.was}); end it and start a new one`,
      messageZh: '已有托管关系的帮扶方式不能更改，请结束该关系后另行新建',
    });
  }
  const ended: { row: number; value: string | null; ended: string }[] = await em.query(
    `SELECT s.row_no AS row, s.actual_end_date::text AS value, t.actual_end_date::text AS ended
       FROM import_stage s JOIN trusteeship t ON ${key}
      WHERE t.actual_end_date IS NOT NULL AND s.actual_end_date IS DISTINCT FROM t.actual_end_date
      ORDER BY s.row_no LIMIT ${limit}`,
  );
  for (const e of ended) {
    errors.push({
      row: e.row,
      column: '实际结束日期',
      value: e.value,
      message: `实际结束日期 (actualEndDate) this trusteeship already ended on ${e.ended}; its end day cannot change`,
      messageZh: `该关系已于 ${e.ended} 结束，实际结束日期不能更改`,
    });
  }
  if (stage.some((s) => s.property === 'actualEndDate' && !s.absent)) {
    const later: { row: number; value: string; held: string }[] = await em.query(
      `SELECT s.row_no AS row, s.actual_end_date::text AS value, max(a.held_on)::text AS held
         FROM import_stage s JOIN trusteeship t ON ${key}
         JOIN trusteeship_activity a ON a.trusteeship_id = t.id AND a.held_on > s.actual_end_date
        GROUP BY s.row_no, s.actual_end_date ORDER BY s.row_no LIMIT ${limit}`,
    );
    for (const l of later) {
      errors.push({
        row: l.row,
        column: '实际结束日期',
        value: l.value,
        message: `实际结束日期 (actualEndDate) an activity was recorded on ${l.held}, after this end date`,
        messageZh: `已有 ${l.held} 的帮扶活动记录，结束日期不能早于它`,
      });
    }
  }
  // One full trusteeship per partner school on any day: the file's full ones and the stored ones it does not restate.
  const overlaps: Overlap[] = await em.query(
    `WITH p AS (
       SELECT s.row_no, s.lead_school_id, s.partner_school_id, s.start_date, s.actual_end_date
         FROM import_stage s WHERE s.mode = 'FULL_TRUSTEESHIP'
       UNION ALL
       SELECT NULL, t.lead_school_id, t.partner_school_id, t.start_date, t.actual_end_date FROM trusteeship t
        WHERE t.mode = 'FULL_TRUSTEESHIP' AND t.approval <> 'DECLINED' AND t.partner_school_id IN (SELECT partner_school_id FROM import_stage)
          AND NOT EXISTS (SELECT 1 FROM import_stage s WHERE ${key}))
     SELECT DISTINCT ON (a.row_no) a.row_no AS row, ps.code AS value, b.row_no AS other_row,
            b.start_date::text AS other_from, b.actual_end_date::text AS other_to
       FROM p a JOIN p b ON b.partner_school_id = a.partner_school_id AND (b.row_no IS NULL OR b.row_no < a.row_no)
        AND daterange(a.start_date, a.actual_end_date, '[]') && daterange(b.start_date, b.actual_end_date, '[]')
       JOIN school ps ON ps.id = a.partner_school_id
      WHERE a.row_no IS NOT NULL
      ORDER BY a.row_no, b.start_date LIMIT ${limit}`,
  );
  for (const o of overlaps) {
    errors.push(
      overlapError(
        o,
        '受援学校标识码',
        {
          message: `受援学校标识码 (partnerSchoolCode) overlaps the full trusteeship of this school on row ${o.other_row}; a school has at most one active full trusteeship`,
          messageZh: `与第 ${o.other_row} 行该校的全面托管时间重叠，同一学校同时只能有一个全面托管`,
        },
        {
          message: `受援学校标识码 (partnerSchoolCode) is already under full trusteeship from ${o.other_from} (${until(o.other_to)}); a school has at most one active full trusteeship`,
          messageZh: `该校自 ${o.other_from} 起已被全面托管（${untilZh(o.other_to)}），同一学校同时只能有一个全面托管`,
        },
      ),
    );
  }
  return errors;
}
