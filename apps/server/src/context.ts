import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { ChildPageLoaders, NamedLoaders } from './common/loaders.js';
import type { Viewer } from './auth/viewer.js';
import { createRecordLoaders, type RecordLoaders } from './db/record-loaders.js';
import type { Services } from './services.js';

/** Everything a resolver may touch during one request. Built fresh per request. */
export interface Context {
  requestId: string;
  /** this request's logger: every line it writes carries the request id */
  logger: Logger;
  /** the client's address, for per-address sign-in throttling */
  clientAddress: string;
  viewer: Viewer | null;
  config: Config;
  ds: DataSource;
  services: Services;
  loaders: RecordLoaders & { pages: ChildPageLoaders; named: NamedLoaders };
  /** the request is a batch: its HTTP status stays 200, each operation has its own errors */
  httpBatch?: boolean;
}

export function createContext(base: {
  requestId: string;
  logger: Logger;
  clientAddress: string;
  viewer: Viewer | null;
  config: Config;
  ds: DataSource;
  services: Services;
  httpBatch?: boolean;
}): Context {
  return {
    ...base,
    loaders: { ...createRecordLoaders(base.ds), pages: new ChildPageLoaders(base.ds), named: new NamedLoaders() },
  };
}
