import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** 中文 / English: the choice is kept for both apps. */
export function LanguageSwitch({ short = false }: { short?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('app.language')}
      size="small"
      value={(LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: short ? 'EN' : 'English', value: 'en' },
      ]}
      onChange={setLanguage}
    />
  );
}
