import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sharedEn, sharedZhCN } from './locales';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
// One language choice for both apps: a bureau user who reads English in the console reads
// it in the portal too.
const STORAGE_KEY = 'zhuji.language';

type Tree = { [key: string]: string | Tree };

/** The shared vocabulary with an app's own keys on top (an app may override a shared text). */
export function mergeResources<A extends object, B extends object>(shared: A, own: B): A & B {
  const out: Tree = { ...(shared as Tree) };
  for (const [key, value] of Object.entries(own as Tree)) {
    const base = out[key];
    out[key] = typeof value === 'object' && typeof base === 'object' ? mergeResources(base, value) : value;
  }
  return out as A & B;
}

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** Starts i18next with the app's own texts merged onto the shared ones; zh-CN is the default. */
export function initI18n(own: { 'zh-CN': object; en: object }): typeof i18n {
  const resources: Resource = {
    'zh-CN': { translation: mergeResources(sharedZhCN, own['zh-CN']) as Tree },
    en: { translation: mergeResources(sharedEn, own.en) as Tree },
  };
  const language = storedLanguage();
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

export { i18n };
