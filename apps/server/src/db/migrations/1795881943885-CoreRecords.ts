import { MigrationInterface, QueryRunner } from 'typeorm';

export class CoreRecords1795881943885 implements MigrationInterface {
  name = 'CoreRecords1795881943885';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."district_kind" AS ENUM('DISTRICT', 'COUNTY', 'ZONE')`);
    await queryRunner.query(
      `CREATE TABLE "district" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(6) NOT NULL, "name" character varying(64) NOT NULL, "kind" "public"."district_kind" NOT NULL, CONSTRAINT "UQ_fbfe5cb0d22c2be8c9a9fff5b6b" UNIQUE ("code"), CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9bb68e2abc8a9625cf912ba3dc" ON "district"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_c794673109b18a1742a9320251" ON "district"  ("code", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a40519b3a1ebfd9a92f763adc5" ON "district"  ("name", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."town_kind" AS ENUM('TOWN', 'TOWNSHIP', 'SUBDISTRICT', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."pilot_level" AS ENUM('NONE', 'CITY', 'PROVINCE')`);
    await queryRunner.query(
      `CREATE TABLE "town" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(9) NOT NULL, "name" character varying(64) NOT NULL, "kind" "public"."town_kind" NOT NULL, "district_id" uuid NOT NULL, "pilot_level" "public"."pilot_level" NOT NULL DEFAULT 'NONE', "in_programme" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_a4a260f7cb5ee77007e3e7225c9" UNIQUE ("code"), CONSTRAINT "PK_983b203100527a0c323c5e3b106" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_38865229f6e0ff9ada3333e3de" ON "town"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_f97727b8dbe7447d5d45cc8e50" ON "town"  ("pilot_level") `);
    await queryRunner.query(`CREATE INDEX "IDX_0ea76316cc7ccccec47e6ac186" ON "town"  ("in_programme") `);
    await queryRunner.query(`CREATE INDEX "IDX_29004c0818f0fc73f0b09e6683" ON "town"  ("district_id", "name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c4ebac3d3cf86eafe1b43fe56d" ON "town"  ("code", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_98ce050a0c6b4c2be7f47dd883" ON "town"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."school_stage" AS ENUM('KINDERGARTEN', 'PRIMARY', 'JUNIOR', 'NINE_YEAR')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."school_locality" AS ENUM('URBAN', 'TOWN', 'RURAL')`);
    await queryRunner.query(
      `CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(10) NOT NULL, "name" character varying(100) NOT NULL, "stage" "public"."school_stage" NOT NULL, "locality" "public"."school_locality" NOT NULL, "is_town_seat" boolean NOT NULL DEFAULT false, "town_id" uuid NOT NULL, "district_id" uuid NOT NULL, "address" character varying(200), "principal_id" uuid, "student_count" integer NOT NULL DEFAULT '0', "class_count" integer NOT NULL DEFAULT '0', "is_boarding" boolean NOT NULL DEFAULT false, "provides_lunch" boolean NOT NULL DEFAULT false, "runs_school_bus" boolean NOT NULL DEFAULT false, "founded_year" smallint, CONSTRAINT "UQ_d90ef6008369508227463c12ff8" UNIQUE ("code"), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_736961eea4ecdd2f5e92fa87d1" ON "school"  ("stage") `);
    await queryRunner.query(`CREATE INDEX "IDX_77fa0eef0253535b50dfd67f73" ON "school"  ("locality") `);
    await queryRunner.query(`CREATE INDEX "IDX_d0e9d74a302bbcef1fc234a279" ON "school"  ("is_town_seat") `);
    await queryRunner.query(`CREATE INDEX "IDX_65208bb782bd74e88efe665c12" ON "school"  ("principal_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_9085158a373aed18c375fe5025" ON "school"  ("district_id", "name", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5ba31536067f8405b47d1e89a7" ON "school"  ("town_id", "name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ba128a02fd71911d3b6f88025" ON "school"  ("student_count", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9f9aa7ec6cc1e9c5b6f69cc614" ON "school"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e5a4274dfd3cbc4ad2158190bb" ON "school"  ("code", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a90cfb270c688edbe603516245" ON "school"  ("name", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."gender" AS ENUM('MALE', 'FEMALE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."degree" AS ENUM('POSTGRADUATE', 'BACHELOR', 'ASSOCIATE', 'HIGH_SCHOOL_OR_BELOW')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."title" AS ENUM('SENIOR_PROFESSOR', 'SENIOR', 'FIRST', 'SECOND', 'THIRD', 'UNRANKED')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."backbone_level" AS ENUM('NONE', 'COUNTY', 'CITY', 'PROVINCE')`);
    await queryRunner.query(
      `CREATE TABLE "teacher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "staff_number" character varying(32) NOT NULL, "name" character varying(50) NOT NULL, "gender" "public"."gender" NOT NULL, "school_id" uuid NOT NULL, "subject" character varying(32), "is_full_time" boolean NOT NULL DEFAULT true, "degree" "public"."degree" NOT NULL, "title" "public"."title" NOT NULL DEFAULT 'UNRANKED', "backbone_level" "public"."backbone_level" NOT NULL DEFAULT 'NONE', "is_renowned" boolean NOT NULL DEFAULT false, "hire_date" date, "id_number" character varying(18), "phone" character varying(20), "birth_date" date, CONSTRAINT "PK_2f807294148612a9751dacf1026" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_761b1aa0e1c0b3aeda546bd91c" ON "teacher"  ("is_full_time") `);
    await queryRunner.query(`CREATE INDEX "IDX_769ced380d6904ca3f2323cd68" ON "teacher"  ("degree") `);
    await queryRunner.query(`CREATE INDEX "IDX_95fc91b496140c8a360e290970" ON "teacher"  ("title") `);
    await queryRunner.query(`CREATE INDEX "IDX_52f4aa314c7d9a7c75bc6f3a31" ON "teacher"  ("backbone_level") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd70868466485e1819ba216595" ON "teacher"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f97f02f86eda40d864bb63d6e2" ON "teacher"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e767d9d13057835dd09754c404" ON "teacher"  ("school_id", "name", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_55c14488b312d47c2a783495ec" ON "teacher"  ("school_id", "staff_number") `,
    );
    await queryRunner.query(
      `ALTER TABLE "town" ADD CONSTRAINT "FK_8f0880edf3e61bf4c120f1eeb2e" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_90443a94313d5b485e1c711ea2d" FOREIGN KEY ("town_id") REFERENCES "town"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_a9d75b35e8ce9a02aa7d4025fc1" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_65208bb782bd74e88efe665c123" FOREIGN KEY ("principal_id") REFERENCES "teacher"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teacher" ADD CONSTRAINT "FK_a1399028f9db85c88f2cf3f0b38" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teacher" DROP CONSTRAINT "FK_a1399028f9db85c88f2cf3f0b38"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_65208bb782bd74e88efe665c123"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_a9d75b35e8ce9a02aa7d4025fc1"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_90443a94313d5b485e1c711ea2d"`);
    await queryRunner.query(`ALTER TABLE "town" DROP CONSTRAINT "FK_8f0880edf3e61bf4c120f1eeb2e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55c14488b312d47c2a783495ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e767d9d13057835dd09754c404"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f97f02f86eda40d864bb63d6e2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd70868466485e1819ba216595"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52f4aa314c7d9a7c75bc6f3a31"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_95fc91b496140c8a360e290970"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_769ced380d6904ca3f2323cd68"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_761b1aa0e1c0b3aeda546bd91c"`);
    await queryRunner.query(`DROP TABLE "teacher"`);
    await queryRunner.query(`DROP TYPE "public"."backbone_level"`);
    await queryRunner.query(`DROP TYPE "public"."title"`);
    await queryRunner.query(`DROP TYPE "public"."degree"`);
    await queryRunner.query(`DROP TYPE "public"."gender"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a90cfb270c688edbe603516245"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5a4274dfd3cbc4ad2158190bb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f9aa7ec6cc1e9c5b6f69cc614"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ba128a02fd71911d3b6f88025"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ba31536067f8405b47d1e89a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9085158a373aed18c375fe5025"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65208bb782bd74e88efe665c12"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0e9d74a302bbcef1fc234a279"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77fa0eef0253535b50dfd67f73"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_736961eea4ecdd2f5e92fa87d1"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP TYPE "public"."school_locality"`);
    await queryRunner.query(`DROP TYPE "public"."school_stage"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98ce050a0c6b4c2be7f47dd883"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4ebac3d3cf86eafe1b43fe56d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29004c0818f0fc73f0b09e6683"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ea76316cc7ccccec47e6ac186"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f97727b8dbe7447d5d45cc8e50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_38865229f6e0ff9ada3333e3de"`);
    await queryRunner.query(`DROP TABLE "town"`);
    await queryRunner.query(`DROP TYPE "public"."pilot_level"`);
    await queryRunner.query(`DROP TYPE "public"."town_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a40519b3a1ebfd9a92f763adc5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c794673109b18a1742a9320251"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9bb68e2abc8a9625cf912ba3dc"`);
    await queryRunner.query(`DROP TABLE "district"`);
    await queryRunner.query(`DROP TYPE "public"."district_kind"`);
  }
}
