import type { Shape } from '@zhuji/client/locales';

/** This feature's text (Chinese, the default); en must have exactly the same keys. */
export const zhCN = {
  towns: {},
};

export const en: Shape<typeof zhCN> = {
  towns: {},
};
