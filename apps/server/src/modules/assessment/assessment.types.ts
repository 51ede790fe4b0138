import { connectionTypes } from '../../common/connection.js';
import { Assessment } from './assessment.entity.js';

export const { ConnectionType: AssessmentConnection } = connectionTypes(Assessment, 'Assessment', '评价');
