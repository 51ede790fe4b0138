import { useTranslation } from 'react-i18next';
import { formatDate } from '@zhuji/client/format';

export function useFormatDate(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? formatDate(value, i18n.language) : '');
}
