import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammeRecords1795885399909 implements MigrationInterface {
  name = 'ProgrammeRecords1795885399909';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."standard_item" AS ENUM('FUNCTIONAL_ROOMS', 'EQUIPMENT', 'CANTEEN', 'DORMITORY', 'SCHOOL_BUS', 'ICT', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."fund_source" AS ENUM('PROVINCE', 'CITY', 'DISTRICT', 'SCHOOL', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."rectification_status" AS ENUM('OPEN', 'IN_PROGRESS', 'DONE')`);
    await queryRunner.query(
      `CREATE TABLE "rectification_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "town_id" uuid NOT NULL, "district_id" uuid NOT NULL, "standard_item" "public"."standard_item" NOT NULL, "standard_detail" character varying(200), "problem" text NOT NULL, "fund_source" "public"."fund_source" NOT NULL, "fund_amount" numeric(14,2), "deadline" date NOT NULL, "owner" character varying(100) NOT NULL, "measures" text NOT NULL, "status" "public"."rectification_status" NOT NULL DEFAULT 'OPEN', "evidence" text, "closed_on" date, CONSTRAINT "CHK_rectification_item_amount" CHECK ("fund_amount" IS NULL OR "fund_amount" >= 0), CONSTRAINT "CHK_rectification_item_closed" CHECK (("status" = 'DONE') = ("closed_on" IS NOT NULL)), CONSTRAINT "PK_1c2942382602f6aef2a7be098b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_534138289c76dfaf514d798be9" ON "rectification_item"  ("standard_item") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_79ae16024152f8ff9bf0351933" ON "rectification_item"  ("fund_source") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c720a8083eb4c6b843b548ed6c" ON "rectification_item"  ("status", "deadline") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0d40b3ac31ae8c49caf5b61047" ON "rectification_item"  ("district_id", "deadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a2465d7f73459b81f687d268d5" ON "rectification_item"  ("town_id", "deadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ce69ab5424e435761141eb521a" ON "rectification_item"  ("school_id", "deadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_70e9a31b1809115aa574796fa4" ON "rectification_item"  ("updated_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ebd03b3f7d197168359d201c60" ON "rectification_item"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6db70d6632a5f13237f9c39525" ON "rectification_item"  ("deadline", "id") `,
    );
    // rectification_status_change.from_status/to_status share the rectification_status type created above.
    await queryRunner.query(
      `CREATE TABLE "rectification_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "from_status" "public"."rectification_status", "to_status" "public"."rectification_status" NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "username" character varying(64), "note" text, CONSTRAINT "PK_44686e3e14f0ea1c421bd14b10e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3c8666411eb814cc3f981b6640" ON "rectification_status_change"  ("item_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."town_plan_state" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'FILED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."action_line" AS ENUM('CONDITIONS', 'TEACHERS', 'WHOLE_ENVIRONMENT_EDUCATION', 'TEACHING_QUALITY', 'STAGE_TRANSITION', 'SMART_EDUCATION', 'READING', 'VITALITY', 'GOVERNANCE', 'EVALUATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "town_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "town_id" uuid NOT NULL, "district_id" uuid NOT NULL, "year" smallint NOT NULL, "state" "public"."town_plan_state" NOT NULL DEFAULT 'DRAFT', "targets" text, "measures" text, "responsibilities" text, "expected_outcomes" text, "measure_items" jsonb NOT NULL DEFAULT '[]', "action_lines" "public"."action_line" array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "last_submitted_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_town_plan_town_year" UNIQUE ("town_id", "year"), CONSTRAINT "CHK_town_plan_year" CHECK ("year" BETWEEN 2021 AND 2100), CONSTRAINT "PK_9b6e396d19f24008c7421ebf0f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3fc893e0222b5d9042c12a4564" ON "town_plan"  ("state", "year") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f4f59f1760ebd55b83abe18eb3" ON "town_plan"  ("district_id", "year", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fa67a14e0bc4d5604b8b61c0d4" ON "town_plan"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fa9fbaf4e14771dc24def3d9c" ON "town_plan"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8cf4b9b31126280196776d74fe" ON "town_plan"  ("year", "id") `);
    // town_plan_transition.from_state/to_state share the town_plan_state type created above.
    await queryRunner.query(
      `CREATE TABLE "town_plan_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "from_state" "public"."town_plan_state" NOT NULL, "to_state" "public"."town_plan_state" NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "username" character varying(64), "comment" text, CONSTRAINT "PK_1a5a472b172cdfff6fa9595dc17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8c894fa3ac20be5fde068ac84b" ON "town_plan_transition"  ("plan_id", "at") `,
    );
    // The actionLine filter uses `action_lines @> ARRAY[...]`, which a GIN index serves.
    await queryRunner.query(`CREATE INDEX "IDX_town_plan_action_lines" ON "town_plan" USING gin ("action_lines")`);
    await queryRunner.query(`CREATE TYPE "public"."assessment_subject_kind" AS ENUM('SCHOOL', 'TOWN')`);
    await queryRunner.query(
      `CREATE TABLE "assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "subject_kind" "public"."assessment_subject_kind" NOT NULL, "school_id" uuid, "town_id" uuid NOT NULL, "district_id" uuid NOT NULL, "period" character varying(4) NOT NULL, "notes" text, CONSTRAINT "CHK_assessment_period" CHECK ("period" ~ '^[0-9]{4}$'), CONSTRAINT "CHK_assessment_subject" CHECK (("subject_kind" = 'SCHOOL' AND "school_id" IS NOT NULL) OR ("subject_kind" = 'TOWN' AND "school_id" IS NULL)), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ccb0df618d3deaa0c81b4540dc" ON "assessment"  ("district_id", "period", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b53f43440077750693b3277696" ON "assessment"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5f861c350c0137721943aa647" ON "assessment"  ("period", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assessment_town_period" ON "assessment"  ("town_id", "period") WHERE "subject_kind" = 'TOWN'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assessment_school_period" ON "assessment"  ("school_id", "period") WHERE "school_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assessment_indicator_kind" AS ENUM('ACADEMIC_DIFFERENCE_RATE', 'CURRICULUM_COMPLETE', 'NO_IRREGULAR_PRACTICES', 'PHYSICAL_HEALTH_PASS_RATE', 'ARTS_SKILL_RATE', 'STUDY_CLUB_COUNT', 'ENVIRONMENT_SCORE', 'MENTAL_HEALTH_SCORE', 'PARENT_SATISFACTION', 'STUDENT_SATISFACTION', 'LOCAL_ENROLLMENT_PRESCHOOL', 'LOCAL_ENROLLMENT_PRIMARY', 'LOCAL_ENROLLMENT_JUNIOR')`,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "assessment_id" uuid NOT NULL, "kind" "public"."assessment_indicator_kind" NOT NULL, "value" numeric(10,4), "boolean_value" boolean, "source" character varying(200) NOT NULL, "measured_on" date NOT NULL, CONSTRAINT "UQ_assessment_indicator_kind" UNIQUE ("assessment_id", "kind"), CONSTRAINT "CHK_assessment_indicator_value" CHECK (num_nonnulls("value", "boolean_value") = 1), CONSTRAINT "PK_cad9fb09762298f29ac5555359d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_34d4ac2ab44a5cb70f079ccb71" ON "assessment_indicator"  ("kind") `);
    await queryRunner.query(
      `ALTER TABLE "rectification_item" ADD CONSTRAINT "FK_94359c26ff67994d360b4bb52a1" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_item" ADD CONSTRAINT "FK_7751bb91753c3294cab40fe04c6" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_item" ADD CONSTRAINT "FK_7350852e14f994113f8fdae09e0" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_status_change" ADD CONSTRAINT "FK_3042def7a75eec3e35db0df297a" FOREIGN KEY ("item_id") REFERENCES "rectification_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_status_change" ADD CONSTRAINT "FK_651b666de8b3cea96ef8a8c6e69" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "town_plan" ADD CONSTRAINT "FK_1a615c7c5ffe7a8b5e3285868f5" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "town_plan" ADD CONSTRAINT "FK_30ef65c6619e304c4455a5a79d0" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "town_plan_transition" ADD CONSTRAINT "FK_4494a05f37c21cb5cf6d79a95cb" FOREIGN KEY ("plan_id") REFERENCES "town_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "town_plan_transition" ADD CONSTRAINT "FK_39c3531c8f5ff06ca19b6725df2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment" ADD CONSTRAINT "FK_874480f83e822ae988cf7c2b046" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment" ADD CONSTRAINT "FK_f0889d7b278c6b8e0b4cdcc1e1c" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment" ADD CONSTRAINT "FK_3614810ff0c8381489dfed85964" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_indicator" ADD CONSTRAINT "FK_a8e2d9968dd89bcd6b8cec31ff9" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assessment_indicator" DROP CONSTRAINT "FK_a8e2d9968dd89bcd6b8cec31ff9"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_3614810ff0c8381489dfed85964"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_f0889d7b278c6b8e0b4cdcc1e1c"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_874480f83e822ae988cf7c2b046"`);
    await queryRunner.query(`ALTER TABLE "town_plan_transition" DROP CONSTRAINT "FK_39c3531c8f5ff06ca19b6725df2"`);
    await queryRunner.query(`ALTER TABLE "town_plan_transition" DROP CONSTRAINT "FK_4494a05f37c21cb5cf6d79a95cb"`);
    await queryRunner.query(`ALTER TABLE "town_plan" DROP CONSTRAINT "FK_30ef65c6619e304c4455a5a79d0"`);
    await queryRunner.query(`ALTER TABLE "town_plan" DROP CONSTRAINT "FK_1a615c7c5ffe7a8b5e3285868f5"`);
    await queryRunner.query(
      `ALTER TABLE "rectification_status_change" DROP CONSTRAINT "FK_651b666de8b3cea96ef8a8c6e69"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_status_change" DROP CONSTRAINT "FK_3042def7a75eec3e35db0df297a"`,
    );
    await queryRunner.query(`ALTER TABLE "rectification_item" DROP CONSTRAINT "FK_7350852e14f994113f8fdae09e0"`);
    await queryRunner.query(`ALTER TABLE "rectification_item" DROP CONSTRAINT "FK_7751bb91753c3294cab40fe04c6"`);
    await queryRunner.query(`ALTER TABLE "rectification_item" DROP CONSTRAINT "FK_94359c26ff67994d360b4bb52a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34d4ac2ab44a5cb70f079ccb71"`);
    await queryRunner.query(`DROP TABLE "assessment_indicator"`);
    await queryRunner.query(`DROP TYPE "public"."assessment_indicator_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assessment_school_period"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assessment_town_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5f861c350c0137721943aa647"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b53f43440077750693b3277696"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccb0df618d3deaa0c81b4540dc"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
    await queryRunner.query(`DROP TYPE "public"."assessment_subject_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c894fa3ac20be5fde068ac84b"`);
    await queryRunner.query(`DROP TABLE "town_plan_transition"`);
    // town_plan_state is dropped once, after town_plan, the last table using it.
    await queryRunner.query(`DROP INDEX "public"."IDX_town_plan_action_lines"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8cf4b9b31126280196776d74fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5fa9fbaf4e14771dc24def3d9c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fa67a14e0bc4d5604b8b61c0d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f4f59f1760ebd55b83abe18eb3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fc893e0222b5d9042c12a4564"`);
    await queryRunner.query(`DROP TABLE "town_plan"`);
    await queryRunner.query(`DROP TYPE "public"."action_line"`);
    await queryRunner.query(`DROP TYPE "public"."town_plan_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c8666411eb814cc3f981b6640"`);
    await queryRunner.query(`DROP TABLE "rectification_status_change"`);
    // rectification_status is dropped once, after rectification_item, the last table using it.
    await queryRunner.query(`DROP INDEX "public"."IDX_6db70d6632a5f13237f9c39525"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebd03b3f7d197168359d201c60"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_70e9a31b1809115aa574796fa4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce69ab5424e435761141eb521a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a2465d7f73459b81f687d268d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d40b3ac31ae8c49caf5b61047"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c720a8083eb4c6b843b548ed6c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79ae16024152f8ff9bf0351933"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_534138289c76dfaf514d798be9"`);
    await queryRunner.query(`DROP TABLE "rectification_item"`);
    await queryRunner.query(`DROP TYPE "public"."rectification_status"`);
    await queryRunner.query(`DROP TYPE "public"."fund_source"`);
    await queryRunner.query(`DROP TYPE "public"."standard_item"`);
  }
}
