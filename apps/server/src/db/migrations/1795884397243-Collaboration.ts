import { MigrationInterface, QueryRunner } from 'typeorm';

export class Collaboration1795884397243 implements MigrationInterface {
  name = 'Collaboration1795884397243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Exclusion constraints compare uuids with = inside GiST indexes: btree_gist provides that.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TYPE "public"."collaboration_group_kind" AS ENUM('DEVELOPMENT_COMMUNITY', 'EDUCATION_GROUP', 'SCHOOL_DISTRICT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "collaboration_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(100) NOT NULL, "kind" "public"."collaboration_group_kind" NOT NULL, "lead_school_id" uuid NOT NULL, "district_id" uuid NOT NULL, "description" text, CONSTRAINT "PK_9fa472cb4fcab058ce0cdec7397" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_978396aa78cd0d9c8f7e97d363" ON "collaboration_group"  ("kind") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_226ff70d656fd9c12cc55b1207" ON "collaboration_group"  ("district_id", "name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_abee1740d47f288076cc9d180d" ON "collaboration_group"  ("lead_school_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ec2cf8f8b5de688544808f5f72" ON "collaboration_group"  ("name", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."group_member_role" AS ENUM('LEAD', 'MEMBER', 'BRANCH_CAMPUS')`);
    await queryRunner.query(
      `CREATE TABLE "group_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "group_id" uuid NOT NULL, "school_id" uuid NOT NULL, "role" "public"."group_member_role" NOT NULL, "joined_on" date NOT NULL, "left_on" date, CONSTRAINT "CHK_group_membership_dates" CHECK ("left_on" IS NULL OR "left_on" >= "joined_on"), CONSTRAINT "EXC_group_membership_overlap" EXCLUDE USING gist ("group_id" WITH =, "school_id" WITH =, daterange("joined_on", "left_on", '[]') WITH &&), CONSTRAINT "PK_b631623cf04fa74513b975e7059" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e5f07796d51086ed9c5c6e05fa" ON "group_membership"  ("school_id", "joined_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_91d484f4f9c24b5bad05e0c4d0" ON "group_membership"  ("group_id", "joined_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."trusteeship_mode" AS ENUM('FULL_TRUSTEESHIP', 'GROUP_BRANCH', 'PAIRING', 'COUNTERPART_SUPPORT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."trusteeship_measure" AS ENUM('SECONDED_LEADERSHIP', 'JOINT_RESEARCH', 'EXPERIENCE_SHARING', 'CULTURE_SUPPORT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "trusteeship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "lead_school_id" uuid NOT NULL, "partner_school_id" uuid NOT NULL, "lead_district_id" uuid NOT NULL, "partner_district_id" uuid NOT NULL, "mode" "public"."trusteeship_mode" NOT NULL, "measures" "public"."trusteeship_measure" array NOT NULL DEFAULT '{}', "start_date" date NOT NULL, "planned_end_date" date, "actual_end_date" date, "agreement_ref" character varying(100), "notes" text, CONSTRAINT "CHK_trusteeship_actual_end" CHECK ("actual_end_date" IS NULL OR "actual_end_date" >= "start_date"), CONSTRAINT "CHK_trusteeship_planned_end" CHECK ("planned_end_date" IS NULL OR "planned_end_date" >= "start_date"), CONSTRAINT "CHK_trusteeship_schools_differ" CHECK ("lead_school_id" <> "partner_school_id"), CONSTRAINT "EXC_trusteeship_one_full" EXCLUDE USING gist ("partner_school_id" WITH =, daterange("start_date", "actual_end_date", '[]') WITH &&) WHERE ("mode" = 'FULL_TRUSTEESHIP'), CONSTRAINT "PK_c42dd5306f65d6c4de1b84799b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_40071863b5c5a285b1ddbd09f5" ON "trusteeship"  ("mode") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_000df8037a7fdff0147e0d31c1" ON "trusteeship"  ("lead_district_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7c5f40864eb497e9702221e54b" ON "trusteeship"  ("partner_district_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e168b894a0bee0151f792b3d65" ON "trusteeship"  ("partner_school_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_988b3acbedfd435ff251708423" ON "trusteeship"  ("lead_school_id", "start_date") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6cd87356d1a38b3e83c803fdf4" ON "trusteeship"  ("start_date", "id") `);
    // trusteeship_activity.measure shares the trusteeship_measure type created above.
    await queryRunner.query(
      `CREATE TABLE "trusteeship_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "trusteeship_id" uuid NOT NULL, "measure" "public"."trusteeship_measure" NOT NULL, "held_on" date NOT NULL, "description" text NOT NULL, CONSTRAINT "PK_530bcc3e77d44002e48211037d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_587cf141684dc5a1026917a2fe" ON "trusteeship_activity"  ("trusteeship_id", "held_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."teacher_exchange_kind" AS ENUM('ROTATION', 'OUTREACH_TEACHING', 'SUPPORT_TEACHING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "teacher_exchange" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "teacher_id" uuid NOT NULL, "from_school_id" uuid NOT NULL, "to_school_id" uuid NOT NULL, "from_district_id" uuid NOT NULL, "to_district_id" uuid NOT NULL, "kind" "public"."teacher_exchange_kind" NOT NULL, "start_date" date NOT NULL, "end_date" date, CONSTRAINT "CHK_teacher_exchange_schools_differ" CHECK ("from_school_id" <> "to_school_id"), CONSTRAINT "CHK_teacher_exchange_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "EXC_teacher_exchange_overlap" EXCLUDE USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&), CONSTRAINT "PK_c63a7e7350f7dd81d9eced7d7e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_81bc1b4a9433c24adfdbb513b8" ON "teacher_exchange"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_42678b2bb147132d5d1ec39768" ON "teacher_exchange"  ("to_district_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_e54e586c4d0ce1bce867060977" ON "teacher_exchange"  ("from_district_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e10904ecc24134d34be47f12a6" ON "teacher_exchange"  ("to_school_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9bb1e56b29cc2c8b324fe7022d" ON "teacher_exchange"  ("from_school_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_59e6148b1b29692417feb091d0" ON "teacher_exchange"  ("teacher_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a0ea3f60d49db2392d1b66a062" ON "teacher_exchange"  ("start_date", "id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."researcher_level" AS ENUM('CITY', 'DISTRICT')`);
    await queryRunner.query(
      `CREATE TABLE "researcher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(50) NOT NULL, "level" "public"."researcher_level" NOT NULL, "district_id" uuid, "subject" character varying(32) NOT NULL, "user_id" uuid, CONSTRAINT "UQ_9bd3d93d9e008a5de948845864d" UNIQUE ("user_id"), CONSTRAINT "PK_7b53850398061862ebe70d4ce44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_042930024f596edd7edd825cbd" ON "researcher"  ("level") `);
    await queryRunner.query(`CREATE INDEX "IDX_6cf92ae3ae055e1ae5f2db5412" ON "researcher"  ("subject") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_85d8cd10eac609cc085f20707e" ON "researcher"  ("district_id", "name", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_69453d9a23f713eca28c981b33" ON "researcher"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "researcher_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "researcher_id" uuid NOT NULL, "school_id" uuid NOT NULL, "district_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, CONSTRAINT "CHK_researcher_assignment_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "PK_66d6242e1c40cce329467b0acd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_514aba3432b2222c9d7aeb0d7b" ON "researcher_assignment"  ("district_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_75f02c1bdbfcd45743261590f2" ON "researcher_assignment"  ("school_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_94d1841967954ebade293ed02f" ON "researcher_assignment"  ("researcher_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "joint_research_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "held_on" date NOT NULL, "researcher_id" uuid NOT NULL, "subject" character varying(32) NOT NULL, "topic" character varying(200) NOT NULL, "participant_count" integer NOT NULL DEFAULT '0', "participants" text, "summary" text, CONSTRAINT "PK_6bc1699e224796b48eb0590945d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c3ac51d321cc217967ca804295" ON "joint_research_session"  ("researcher_id", "held_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ba5b55e3f2349076572b247d04" ON "joint_research_session"  ("held_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "joint_research_session_school" ("session_id" uuid NOT NULL, "school_id" uuid NOT NULL, "district_id" uuid NOT NULL, CONSTRAINT "PK_d1967ac16b25f87d9491491b298" PRIMARY KEY ("session_id", "school_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0a8aa32d1b3fdfcd0cfc10edff" ON "joint_research_session_school"  ("district_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1967ac16b25f87d9491491b29" ON "joint_research_session_school"  ("school_id", "session_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_group" ADD CONSTRAINT "FK_abee1740d47f288076cc9d180d2" FOREIGN KEY ("lead_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collaboration_group" ADD CONSTRAINT "FK_90f723fdabde7c5415c79774657" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "FK_7a1166a6e3a6a3431a699257719" FOREIGN KEY ("group_id") REFERENCES "collaboration_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "FK_d8683e91a109b21f088b460c662" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trusteeship" ADD CONSTRAINT "FK_3bbf5ae22ed8567448441f17b55" FOREIGN KEY ("lead_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trusteeship" ADD CONSTRAINT "FK_6e3ae8b8505551b32a4dc3e3a07" FOREIGN KEY ("partner_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trusteeship_activity" ADD CONSTRAINT "FK_ca1a4ecb372a53149bf55248c9a" FOREIGN KEY ("trusteeship_id") REFERENCES "trusteeship"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD CONSTRAINT "FK_1c98956566bd6d0ab56482ea40b" FOREIGN KEY ("teacher_id") REFERENCES "teacher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD CONSTRAINT "FK_d26a71b8b113359bdc920f04b7c" FOREIGN KEY ("from_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teacher_exchange" ADD CONSTRAINT "FK_967026586abb73f60b6d43e5f49" FOREIGN KEY ("to_school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "researcher" ADD CONSTRAINT "FK_f793a4bb2c4789faa6482c4e3e4" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "researcher" ADD CONSTRAINT "FK_9bd3d93d9e008a5de948845864d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "researcher_assignment" ADD CONSTRAINT "FK_3cf134794b9f5490ee5301163a2" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "researcher_assignment" ADD CONSTRAINT "FK_535d768558893f9808d9e8ce023" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_research_session" ADD CONSTRAINT "FK_c75a78fbef4c112ee043ff21ac1" FOREIGN KEY ("researcher_id") REFERENCES "researcher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_research_session_school" ADD CONSTRAINT "FK_46233ca27b6e1882425600d679c" FOREIGN KEY ("session_id") REFERENCES "joint_research_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_research_session_school" ADD CONSTRAINT "FK_3be0620275543c53d7f1275b15c" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "joint_research_session_school" DROP CONSTRAINT "FK_3be0620275543c53d7f1275b15c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "joint_research_session_school" DROP CONSTRAINT "FK_46233ca27b6e1882425600d679c"`,
    );
    await queryRunner.query(`ALTER TABLE "joint_research_session" DROP CONSTRAINT "FK_c75a78fbef4c112ee043ff21ac1"`);
    await queryRunner.query(`ALTER TABLE "researcher_assignment" DROP CONSTRAINT "FK_535d768558893f9808d9e8ce023"`);
    await queryRunner.query(`ALTER TABLE "researcher_assignment" DROP CONSTRAINT "FK_3cf134794b9f5490ee5301163a2"`);
    await queryRunner.query(`ALTER TABLE "researcher" DROP CONSTRAINT "FK_9bd3d93d9e008a5de948845864d"`);
    await queryRunner.query(`ALTER TABLE "researcher" DROP CONSTRAINT "FK_f793a4bb2c4789faa6482c4e3e4"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP CONSTRAINT "FK_967026586abb73f60b6d43e5f49"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP CONSTRAINT "FK_d26a71b8b113359bdc920f04b7c"`);
    await queryRunner.query(`ALTER TABLE "teacher_exchange" DROP CONSTRAINT "FK_1c98956566bd6d0ab56482ea40b"`);
    await queryRunner.query(`ALTER TABLE "trusteeship_activity" DROP CONSTRAINT "FK_ca1a4ecb372a53149bf55248c9a"`);
    await queryRunner.query(`ALTER TABLE "trusteeship" DROP CONSTRAINT "FK_6e3ae8b8505551b32a4dc3e3a07"`);
    await queryRunner.query(`ALTER TABLE "trusteeship" DROP CONSTRAINT "FK_3bbf5ae22ed8567448441f17b55"`);
    await queryRunner.query(`ALTER TABLE "group_membership" DROP CONSTRAINT "FK_d8683e91a109b21f088b460c662"`);
    await queryRunner.query(`ALTER TABLE "group_membership" DROP CONSTRAINT "FK_7a1166a6e3a6a3431a699257719"`);
    await queryRunner.query(`ALTER TABLE "collaboration_group" DROP CONSTRAINT "FK_90f723fdabde7c5415c79774657"`);
    await queryRunner.query(`ALTER TABLE "collaboration_group" DROP CONSTRAINT "FK_abee1740d47f288076cc9d180d2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1967ac16b25f87d9491491b29"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a8aa32d1b3fdfcd0cfc10edff"`);
    await queryRunner.query(`DROP TABLE "joint_research_session_school"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba5b55e3f2349076572b247d04"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3ac51d321cc217967ca804295"`);
    await queryRunner.query(`DROP TABLE "joint_research_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94d1841967954ebade293ed02f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75f02c1bdbfcd45743261590f2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_514aba3432b2222c9d7aeb0d7b"`);
    await queryRunner.query(`DROP TABLE "researcher_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_69453d9a23f713eca28c981b33"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_85d8cd10eac609cc085f20707e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6cf92ae3ae055e1ae5f2db5412"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_042930024f596edd7edd825cbd"`);
    await queryRunner.query(`DROP TABLE "researcher"`);
    await queryRunner.query(`DROP TYPE "public"."researcher_level"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0ea3f60d49db2392d1b66a062"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59e6148b1b29692417feb091d0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9bb1e56b29cc2c8b324fe7022d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e10904ecc24134d34be47f12a6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e54e586c4d0ce1bce867060977"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_42678b2bb147132d5d1ec39768"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_81bc1b4a9433c24adfdbb513b8"`);
    await queryRunner.query(`DROP TABLE "teacher_exchange"`);
    await queryRunner.query(`DROP TYPE "public"."teacher_exchange_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_587cf141684dc5a1026917a2fe"`);
    await queryRunner.query(`DROP TABLE "trusteeship_activity"`);
    // Dropped once, after trusteeship, the last table using it.
    await queryRunner.query(`DROP INDEX "public"."IDX_6cd87356d1a38b3e83c803fdf4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_988b3acbedfd435ff251708423"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e168b894a0bee0151f792b3d65"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c5f40864eb497e9702221e54b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_000df8037a7fdff0147e0d31c1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_40071863b5c5a285b1ddbd09f5"`);
    await queryRunner.query(`DROP TABLE "trusteeship"`);
    await queryRunner.query(`DROP TYPE "public"."trusteeship_measure"`);
    await queryRunner.query(`DROP TYPE "public"."trusteeship_mode"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91d484f4f9c24b5bad05e0c4d0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5f07796d51086ed9c5c6e05fa"`);
    await queryRunner.query(`DROP TABLE "group_membership"`);
    await queryRunner.query(`DROP TYPE "public"."group_member_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ec2cf8f8b5de688544808f5f72"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_abee1740d47f288076cc9d180d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_226ff70d656fd9c12cc55b1207"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_978396aa78cd0d9c8f7e97d363"`);
    await queryRunner.query(`DROP TABLE "collaboration_group"`);
    await queryRunner.query(`DROP TYPE "public"."collaboration_group_kind"`);
  }
}
