/**
 * Creates the first city administrator, the one account nobody else can create:
 *   npm run create-admin --workspace @zhuji/server -- <username>
 * The password is read from ZHUJI_ADMIN_PASSWORD (never from argv, which `ps` shows).
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { cityAdmin, insertAccount } from '../modules/user/bootstrap.js';
import { User, usernameKey } from '../modules/user/user.entity.js';

const username = process.argv[2];
const password = process.env.ZHUJI_ADMIN_PASSWORD;
if (!username || !password || password.length < 12) {
  console.error(
    'usage: ZHUJI_ADMIN_PASSWORD=<12+ characters> npm run create-admin --workspace @zhuji/server -- <username>',
  );
  process.exit(64);
}
const config = loadConfig();
const logger = createLogger(config.logLevel);
const ds = await openDatabase(config, logger);
try {
  const taken = await ds
    .getRepository(User)
    .createQueryBuilder('u')
    .where('lower(u.username) = :key', { key: usernameKey(username) })
    .getExists();
  if (taken) {
    console.error(`user ${username} already exists`);
    process.exitCode = 1;
  } else {
    await ds.transaction((em) => insertAccount(em, cityAdmin(username, password)));
    console.log(`created city admin ${username}`);
  }
} finally {
  await ds.destroy();
}
