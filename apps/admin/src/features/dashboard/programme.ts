import { useSearchParams } from 'react-router';

/**
 * Small pieces the programme screens share (dashboard, towns, plans, ledger, assessments):
 * the period (a calendar year, YYYY, as the API takes it) and how a share is written.
 */
export const currentPeriod = (): string => String(new Date().getFullYear());

/** The years offered in period pickers: this year and the four before it. */
export function recentPeriods(count = 5): string[] {
  const year = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => String(year - i));
}

const YEAR = /^\d{4}$/;

/** `?period=YYYY` of the page's URL, this year when absent or malformed. */
export function usePeriod(): [string, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && YEAR.test(raw) ? raw : currentPeriod();
  const set = (next: string) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next === currentPeriod()) out.delete('period');
      else out.set('period', next);
      return out;
    });
  return [period, set];
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
