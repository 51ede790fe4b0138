import { connectionTypes } from '../../common/connection.js';
import { TownPlan } from './plan.entity.js';

export const { ConnectionType: TownPlanConnection } = connectionTypes(TownPlan, 'TownPlan', '乡镇推进方案');
