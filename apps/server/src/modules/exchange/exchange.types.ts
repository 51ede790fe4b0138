import { connectionTypes } from '../../common/connection.js';
import { TeacherExchange } from './exchange.entity.js';

export const { ConnectionType: TeacherExchangeConnection } = connectionTypes(
  TeacherExchange,
  'TeacherExchange',
  '教师交流',
);
