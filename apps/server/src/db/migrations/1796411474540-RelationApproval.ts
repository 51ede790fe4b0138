import { MigrationInterface, QueryRunner } from 'typeorm';

// Trusteeships and group memberships carry an approval (modules/collaboration, docs/ACCESS.md):
// rows that exist were set up by the bureaus, so they are APPROVED; new rows start PENDING
// unless created by an authority over the partner (member) school. A declined proposal never
// held, so the overlap exclusions ignore it.

const TABLES = ['group_membership', 'trusteeship'];

export class RelationApproval1796411474540 implements MigrationInterface {
  name = 'RelationApproval1796411474540';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."relation_approval" AS ENUM('PENDING', 'APPROVED', 'DECLINED')`);
    for (const table of TABLES) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "approval" "public"."relation_approval" NOT NULL DEFAULT 'APPROVED'`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "approval" SET DEFAULT 'PENDING'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "decided_by_id" uuid`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "decided_by_name" character varying(100)`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "decided_at" TIMESTAMP(3) WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "decision_comment" character varying(500)`);
    }
    await queryRunner.query(`ALTER TABLE "group_membership" DROP CONSTRAINT "EXC_group_membership_overlap"`);
    await queryRunner.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "EXC_group_membership_overlap" EXCLUDE USING gist ("group_id" WITH =, "school_id" WITH =, daterange("joined_on", "left_on", '[]') WITH &&) WHERE ("approval" <> 'DECLINED')`,
    );
    await queryRunner.query(`ALTER TABLE "trusteeship" DROP CONSTRAINT "EXC_trusteeship_one_full"`);
    await queryRunner.query(
      `ALTER TABLE "trusteeship" ADD CONSTRAINT "EXC_trusteeship_one_full" EXCLUDE USING gist ("partner_school_id" WITH =, daterange("start_date", "actual_end_date", '[]') WITH &&) WHERE ("mode" = 'FULL_TRUSTEESHIP' AND "approval" <> 'DECLINED')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "trusteeship" WHERE "approval" = 'DECLINED'`);
    await queryRunner.query(`DELETE FROM "group_membership" WHERE "approval" = 'DECLINED'`);
    await queryRunner.query(`ALTER TABLE "trusteeship" DROP CONSTRAINT "EXC_trusteeship_one_full"`);
    await queryRunner.query(
      `ALTER TABLE "trusteeship" ADD CONSTRAINT "EXC_trusteeship_one_full" EXCLUDE USING gist ("partner_school_id" WITH =, daterange("start_date", "actual_end_date", '[]') WITH &&) WHERE ("mode" = 'FULL_TRUSTEESHIP')`,
    );
    await queryRunner.query(`ALTER TABLE "group_membership" DROP CONSTRAINT "EXC_group_membership_overlap"`);
    await queryRunner.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "EXC_group_membership_overlap" EXCLUDE USING gist ("group_id" WITH =, "school_id" WITH =, daterange("joined_on", "left_on", '[]') WITH &&)`,
    );
    for (const table of TABLES) {
      for (const column of ['decision_comment', 'decided_at', 'decided_by_name', 'decided_by_id', 'approval']) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
    await queryRunner.query(`DROP TYPE "public"."relation_approval"`);
  }
}
