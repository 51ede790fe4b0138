import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An exchange asked for by someone without authority over the teacher's home school is
 * PROPOSED until that school's authority confirms or declines it. Every existing exchange was
 * made under the old rule and stands: CONFIRMED. The no-overlap exclusion now covers only
 * confirmed exchanges, since a proposal or a declined one books nothing (the service refuses
 * confirming one that would overlap).
 */
export class ExchangeConsent1796411490364 implements MigrationInterface {
  name = 'ExchangeConsent1796411490364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."exchange_consent" AS ENUM('PROPOSED', 'CONFIRMED', 'DECLINED')`);
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD "consent" "public"."exchange_consent" NOT NULL DEFAULT 'CONFIRMED'`,
    );
    await queryRunner.query(`ALTER TABLE "teacher_exchange" ADD "decided_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" ADD "decided_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" ADD "decision_comment" text`);
    await queryRunner.query(`CREATE INDEX "IDX_886b158f732efc284d41dd32b9" ON "teacher_exchange" ("consent")`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP CONSTRAINT "EXC_teacher_exchange_overlap"`);
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD CONSTRAINT "EXC_teacher_exchange_overlap" EXCLUDE USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("consent" = 'CONFIRMED')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "teacher_exchange" WHERE "consent" <> 'CONFIRMED'`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP CONSTRAINT "EXC_teacher_exchange_overlap"`);
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD CONSTRAINT "EXC_teacher_exchange_overlap" EXCLUDE USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_886b158f732efc284d41dd32b9"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP COLUMN "decision_comment"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP COLUMN "decided_by_id"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP COLUMN "consent"`);
    await queryRunner.query(`DROP TYPE "public"."exchange_consent"`);
  }
}
