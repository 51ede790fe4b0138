import { connectionTypes } from '../../common/connection.js';
import { Teacher } from './teacher.entity.js';

export const { ConnectionType: TeacherConnection } = connectionTypes(Teacher, 'Teacher', '教师');
