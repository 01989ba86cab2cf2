// Numbers and dates as people read them.
export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

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
