import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames are unique without regard to case: `Demo-City` and `demo-city` are one account,
 * and sign-in looks usernames up lower-cased (as the sign-in throttle keys them). The plain
 * unique constraint gives way to a unique index on lower(username), which also serves the
 * lookup. Written by hand: TypeORM cannot declare an expression index (the entity marks it
 * `synchronize: false`). Existing accounts that would collide stop the migration with their
 * names, for an administrator to rename; it never picks a winner itself.
 */
export class UsernameCase1796411490363 implements MigrationInterface {
  name = 'UsernameCase1796411490363';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const clashes: { names: string }[] = await queryRunner.query(
      `SELECT string_agg("username", ', ' ORDER BY "username") AS names FROM "app_user"
        GROUP BY lower("username") HAVING count(*) > 1`,
    );
    if (clashes.length) {
      throw new Error(
        `Usernames that differ only in case must be renamed before this migration: ${clashes.map((c) => c.names).join('; ')}`,
      );
    }
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "UQ_c480e576dd71729addbc2d51b67"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_username_lower" ON "app_user" (lower("username"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_username_lower"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username")`,
    );
  }
}
