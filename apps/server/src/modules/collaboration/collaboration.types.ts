import { connectionTypes } from '../../common/connection.js';
import { CollaborationGroup, GroupMembership, Trusteeship, TrusteeshipActivity } from './collaboration.entity.js';

export const { ConnectionType: CollaborationGroupConnection } = connectionTypes(
  CollaborationGroup,
  'CollaborationGroup',
  '协作组织',
);
export const { ConnectionType: GroupMembershipConnection } = connectionTypes(
  GroupMembership,
  'GroupMembership',
  '成员期',
);
export const { ConnectionType: TrusteeshipConnection } = connectionTypes(Trusteeship, 'Trusteeship', '托管帮扶关系');
export const { ConnectionType: TrusteeshipActivityConnection } = connectionTypes(
  TrusteeshipActivity,
  'TrusteeshipActivity',
  '帮扶活动',
);
