import { initI18n } from '@zhuji/client/i18n';
import type { sharedZhCN } from '@zhuji/client/locales';
import zhCN from '../locales/zh-CN';
import en from '../locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sharedZhCN & typeof zhCN };
  }
}

export default initI18n({ 'zh-CN': zhCN, en });
