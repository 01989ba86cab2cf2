// Sizes as people read them, in one place: Settings, the model messages of a failed job and
// the storage meter all write a size with this, so the same file never reads as two sizes.
// Decimal units (1 MB = 1,000,000 bytes), as model hubs list their files and as the
// registry records them.

const UNITS = ['kB', 'MB', 'GB', 'TB'];

export function formatBytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  if (n < 1000) return `${n} B`;
  let v = n / 1000;
  let i = 0;
  while (v >= 999.5 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v < 9.95 ? v.toFixed(1) : Math.round(v)} ${UNITS[i]}`;
}
