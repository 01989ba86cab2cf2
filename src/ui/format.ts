// Numbers and dates as people read them.
// One formatter for sizes everywhere (src/bytes.ts); kept importable from here for the screens.
export { formatBytes } from '../shared/bytes';

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** High, middling or low: the three colours of the confidence boxes. */
export function confidenceBand(c: number): 'high' | 'mid' | 'low' {
  return c >= 0.9 ? 'high' : c >= 0.7 ? 'mid' : 'low';
}
