import { useSearchParams } from 'react-router';
import { recentYears } from '@zhuji/client/days';

/**
 * Small pieces the programme screens share (dashboard, towns, plans, ledger, assessments):
 * the period (a calendar year, YYYY, as the API takes it) and how a share is written.
 */

/** The years offered in period pickers: this year on the programme clock and the four before it. */
export const recentPeriods = (today: string, count = 5): string[] => recentYears(today, count);

const YEAR = /^\d{4}$/;

/**
 * `?period=YYYY` of the page's URL, or undefined when absent or malformed: then the server
 * picks the period (the latest year with assessments up to today, which may be last year
 * early in a year) and says which in the answer's `period`, so the page shows that year,
 * never one the browser guessed.
 */
export function usePeriod(): [string | undefined, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && YEAR.test(raw) ? raw : undefined;
  const set = (next: string) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      out.set('period', next);
      return out;
    });
  return [period, set];
}

/** `?period=` for a link to another programme screen: left out when the server chose it (its default there too). */
export function periodQuery(period: string | undefined, lead: '?' | '&' = '?'): string {
  return period ? `${lead}period=${period}` : '';
}

/** 0.6794 → "67.9%"; no share (no towns) → "—". */
export const percent = (share: number | null | undefined): string =>
  share == null ? '—' : `${(share * 100).toFixed(1)}%`;

/** A share as a chart value in percent with one decimal, or null for a gap. */
export const percentValue = (share: number | null | undefined): number | null =>
  share == null ? null : Math.round(share * 1000) / 10;

/**
 * The API writes the names of goal inputs in both languages, "中文 / English"; show the half
 * of the console's language (the whole text when it has no such split).
 */
export function bilingual(text: string, language: string): string {
  const at = text.lastIndexOf(' / ');
  if (at < 0) return text;
  return language.startsWith('zh') ? text.slice(0, at) : text.slice(at + 3);
}

/** The six goals in the order of the 2023 plan (the generated enum is alphabetical). */
export const GOAL_ORDER = ['CONDITIONS', 'QUALITY', 'STAFFING', 'ENVIRONMENT', 'SUPPORT', 'SATISFACTION'] as const;
