import type { Express } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { Context } from '../context.js';

/** Operations endpoints (/metrics) and the Apollo plugin that feeds them. */
export function mountOperations(_app: Express, _ds: DataSource): void {}

export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {};
}
