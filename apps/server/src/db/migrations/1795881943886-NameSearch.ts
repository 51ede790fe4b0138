import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search (`filter.search`) is a substring match, `name ILIKE '%…%'`, which no
 * B-tree can serve. Trigram GIN indexes can, for Chinese names too (pg_trgm treats each
 * multibyte character as a word character). Written by hand: TypeORM cannot express
 * GIN operator classes, so the entities mark these indexes `synchronize: false`.
 */
export class NameSearch1795881943886 implements MigrationInterface {
  name = 'NameSearch1795881943886';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_school_name_trgm" ON "school" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_teacher_name_trgm" ON "teacher" USING gin ("name" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_teacher_name_trgm"`);
    await queryRunner.query(`DROP INDEX "IDX_school_name_trgm"`);
  }
}
