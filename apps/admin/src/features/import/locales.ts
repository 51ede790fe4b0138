import type { Shape } from '@zhuji/client/locales';

/** This feature's text (Chinese, the default); en must have exactly the same keys. */
export const zhCN = {
  import: {},
};

export const en: Shape<typeof zhCN> = {
  import: {},
};
