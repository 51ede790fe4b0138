import { connectionTypes } from '../../common/connection.js';
import { RectificationItem } from './ledger.entity.js';

export const { ConnectionType: RectificationItemConnection } = connectionTypes(
  RectificationItem,
  'RectificationItem',
  '整改台账条目',
);
