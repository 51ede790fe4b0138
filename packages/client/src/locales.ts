import sharedZhCN from './locales/zh-CN';
import sharedEn, { type Shape } from './locales/en';

export type { Shape };
export { sharedZhCN, sharedEn };
