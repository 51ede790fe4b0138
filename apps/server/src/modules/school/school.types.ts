import { connectionTypes } from '../../common/connection.js';
import { School } from './school.entity.js';

export const { ConnectionType: SchoolConnection } = connectionTypes(School, 'School', '学校');
