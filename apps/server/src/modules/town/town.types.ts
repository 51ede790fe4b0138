import { connectionTypes } from '../../common/connection.js';
import { Town } from './town.entity.js';

export const { ConnectionType: TownConnection } = connectionTypes(Town, 'Town', '乡镇');
