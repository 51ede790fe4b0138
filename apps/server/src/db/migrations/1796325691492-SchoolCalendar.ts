import { MigrationInterface, QueryRunner } from 'typeorm';

/** The city's school calendar: holiday months per school year, stored only where they differ from the default. */
export class SchoolCalendar1796325691492 implements MigrationInterface {
  name = 'SchoolCalendar1796325691492';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_year_calendar" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "school_year" integer NOT NULL, "holiday_months" jsonb NOT NULL, CONSTRAINT "UQ_d23001567891b187635428d9ec4" UNIQUE ("school_year"), CONSTRAINT "PK_9bb3fdcd9bc6bb55fd7c101520f" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "school_year_calendar"`);
  }
}
