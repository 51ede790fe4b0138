import { MigrationInterface, QueryRunner } from 'typeorm';

// Sign-in counters shared by every server process (modules/user/sign-in-throttle.ts).

export class SignInThrottle1796326092147 implements MigrationInterface {
  name = 'SignInThrottle1796326092147';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("key" character varying(80) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f838c82d37e24773fc7984a7649" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7dec3d5d57eda229304c9beae7" ON "sign_in_throttle"  ("last_attempt_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_7dec3d5d57eda229304c9beae7"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
  }
}
