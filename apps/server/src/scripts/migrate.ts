/** Applies pending migrations and exits (the server also does this at start). */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';

const config = loadConfig();
const ds = await openDatabase(config, createLogger(config.logLevel), { requestTimeouts: false });
await ds.destroy();
