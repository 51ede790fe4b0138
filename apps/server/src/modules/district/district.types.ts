import { connectionTypes } from '../../common/connection.js';
import { District } from './district.entity.js';

export const { ConnectionType: DistrictConnection } = connectionTypes(District, 'District', '区县');
