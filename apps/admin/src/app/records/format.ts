import { useTranslation } from 'react-i18next';
import { formatDate } from '@zhuji/client/format';

export function useFormatDate(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (value) => (value ? formatDate(value, i18n.language) : '');
}

/** Today as the server's Date scalar, in local time (a bureau's working day). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
