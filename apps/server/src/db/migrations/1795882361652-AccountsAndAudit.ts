import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndAudit1795882361652 implements MigrationInterface {
  name = 'AccountsAndAudit1795882361652';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "username" character varying(64) NOT NULL, "display_name" character varying(64) NOT NULL, "password_hash" character varying(255) NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('CITY_ADMIN', 'DISTRICT_ADMIN', 'GROUP_LEADER', 'SCHOOL_STAFF', 'RESEARCHER', 'ANALYST')`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "district_id" uuid, "school_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cbca8b01eca20fa033ef14946b" ON "role_grant"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d090fbbcbcdf9cfcde38ac45a8" ON "role_grant"  ("district_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_54f8303aa0c02dc7b6c6be06cc" ON "role_grant"  ("school_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_66fe7d75441a8be90d01d62956" ON "role_grant"  ("user_id", "role", "district_id", "school_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b8783d517fab10672700a39cb4" ON "auth_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "username" character varying(64), "record_type" character varying(64) NOT NULL, "record_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "changes" jsonb NOT NULL, "district_id" uuid, "school_id" uuid, "request_id" character varying(64), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_37d5d48cb6bdc1f8f5caa3f038" ON "audit_entry"  ("school_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_92f908cd20eae8dd16c8b367b9" ON "audit_entry"  ("district_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f9fa8d55fcc82d07dcc62ea689" ON "audit_entry"  ("user_id", "at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c6b8304e50c8cae3044fe579b5" ON "audit_entry"  ("record_type", "record_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bca9bbed413a3059aee206284b" ON "audit_entry"  ("at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_d090fbbcbcdf9cfcde38ac45a84" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_d090fbbcbcdf9cfcde38ac45a84"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bca9bbed413a3059aee206284b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6b8304e50c8cae3044fe579b5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9fa8d55fcc82d07dcc62ea689"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_92f908cd20eae8dd16c8b367b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37d5d48cb6bdc1f8f5caa3f038"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8783d517fab10672700a39cb4"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_66fe7d75441a8be90d01d62956"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54f8303aa0c02dc7b6c6be06cc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d090fbbcbcdf9cfcde38ac45a8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cbca8b01eca20fa033ef14946b"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
