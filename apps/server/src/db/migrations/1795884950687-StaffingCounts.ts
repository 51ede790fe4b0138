import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-school staffing counts, kept exact by statement-level triggers on `teacher`.
 *
 * Why triggers: the programme's staffing indicators are shares over full-time teachers,
 * compared against district baselines; at province scale that is over a million rows per
 * question. The counts change in the same transaction as the teachers they count, so they
 * can never be stale, and a bulk import of 10 000 teachers costs one grouped upsert per
 * statement, not one per row. (PostgreSQL allows a transition table only on single-event
 * triggers, hence three triggers sharing one function.)
 */
export class StaffingCounts1795884950687 implements MigrationInterface {
  name = 'StaffingCounts1795884950687';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_staffing" ("school_id" uuid NOT NULL, "full_time" integer NOT NULL DEFAULT '0', "backbone" integer NOT NULL DEFAULT '0', "bachelor_or_above" integer NOT NULL DEFAULT '0', "associate_or_above" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_9a5807090d8a93acd5cf9eb640a" PRIMARY KEY ("school_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "school_staffing" ADD CONSTRAINT "FK_9a5807090d8a93acd5cf9eb640a" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION school_staffing_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO school_staffing AS s (school_id, full_time, backbone, bachelor_or_above, associate_or_above)
          SELECT school_id,
                 -count(*) FILTER (WHERE is_full_time),
                 -count(*) FILTER (WHERE is_full_time AND backbone_level <> 'NONE'),
                 -count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR')),
                 -count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR', 'ASSOCIATE'))
            FROM old_rows GROUP BY school_id
          ON CONFLICT (school_id) DO UPDATE SET
            full_time = s.full_time + EXCLUDED.full_time,
            backbone = s.backbone + EXCLUDED.backbone,
            bachelor_or_above = s.bachelor_or_above + EXCLUDED.bachelor_or_above,
            associate_or_above = s.associate_or_above + EXCLUDED.associate_or_above;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO school_staffing AS s (school_id, full_time, backbone, bachelor_or_above, associate_or_above)
          SELECT school_id,
                 count(*) FILTER (WHERE is_full_time),
                 count(*) FILTER (WHERE is_full_time AND backbone_level <> 'NONE'),
                 count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR')),
                 count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR', 'ASSOCIATE'))
            FROM new_rows GROUP BY school_id
          ON CONFLICT (school_id) DO UPDATE SET
            full_time = s.full_time + EXCLUDED.full_time,
            backbone = s.backbone + EXCLUDED.backbone,
            bachelor_or_above = s.bachelor_or_above + EXCLUDED.bachelor_or_above,
            associate_or_above = s.associate_or_above + EXCLUDED.associate_or_above;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER teacher_staffing_insert AFTER INSERT ON teacher REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_staffing_counts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER teacher_staffing_update AFTER UPDATE ON teacher REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_staffing_counts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER teacher_staffing_delete AFTER DELETE ON teacher REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_staffing_counts()`,
    );
    // Databases that already hold teachers start from exact counts.
    await queryRunner.query(`
      INSERT INTO school_staffing (school_id, full_time, backbone, bachelor_or_above, associate_or_above)
      SELECT school_id,
             count(*) FILTER (WHERE is_full_time),
             count(*) FILTER (WHERE is_full_time AND backbone_level <> 'NONE'),
             count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR')),
             count(*) FILTER (WHERE is_full_time AND degree IN ('POSTGRADUATE', 'BACHELOR', 'ASSOCIATE'))
        FROM teacher GROUP BY school_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER teacher_staffing_delete ON teacher`);
    await queryRunner.query(`DROP TRIGGER teacher_staffing_update ON teacher`);
    await queryRunner.query(`DROP TRIGGER teacher_staffing_insert ON teacher`);
    await queryRunner.query(`DROP FUNCTION school_staffing_counts()`);
    await queryRunner.query(`ALTER TABLE "school_staffing" DROP CONSTRAINT "FK_9a5807090d8a93acd5cf9eb640a"`);
    await queryRunner.query(`DROP TABLE "school_staffing"`);
  }
}
