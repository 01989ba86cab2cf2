// Types for report.mjs, so that TypeScript tests can import it under `strict`.
export interface Scored {
  cer: number;
  wer: number;
  orderFree: number;
  failed?: boolean;
  error?: string | null;
  fallback?: boolean;
}
export interface PageRecord {
  name: string;
  group: string;
  lang: string;
  gold: boolean;
  ours?: Scored;
  native?: Scored;
  nativeDefault?: Scored;
  bare?: Scored;
  /** the app's per-step times of the page (its timings_ms) */
  timings?: Record<string, number> | null;
}
/** wallMs: the kind's time in the run; medianMs (a kind too short to time once): the median of passMs, its passes */
export interface Timing {
  pages: number;
  wallMs: number;
  passMs?: number[];
  medianMs?: number;
}
export interface Timings {
  ours: Record<string, Timing>;
  native: Record<string, Timing> | null;
  nativeDefault?: Record<string, Timing> | null;
  bare?: Record<string, Timing> | null;
}
export interface Stats {
  pages: number;
  meanCer: number;
  medianCer: number;
  wer: number;
  orderFree: number;
  failed: number;
  fallback: number;
}
export interface Row {
  label: string;
  silver: boolean;
  ours: Stats | null;
  native: Stats | null;
  nativeDefault: Stats | null;
  bare: Stats | null;
  oursRate: number | null;
  nativeRate: number | null;
  nativeDefaultRate: number | null;
  bareRate: number | null;
}
export function summarise(pages: PageRecord[], timings: Timings): { rows: Row[]; overall: Row };
export function formatTable(
  s: { rows: Row[]; overall: Row },
  opts: { native: boolean; nativeDefault?: boolean; bare?: boolean; memory: { ours?: { pssMB: number; rssMB: number; during?: string[] } | null; native?: { pssMB: number; rssMB: number } | null; nativeDefault?: { pssMB: number; rssMB: number } | null } },
): string;
export const STEPS: string[];
export interface StepRow {
  label: string;
  pages: number;
  queueMs: number;
  waitMs: number;
  workMs: number;
  steps: Record<string, { ms: number; share: number }>;
}
export function summariseSteps(pages: { group: string; timings?: Record<string, number> | null }[]): StepRow[];
export interface Lane {
  lane: number;
  busyMs: number;
  uses: number;
  started: number;
  key: string | null;
}
export interface PoolStats {
  at: number;
  lanes: Lane[];
}
export interface Share {
  lane: number;
  busy: number;
  busyMs: number;
  uses: number;
}
export function busyShares(before: PoolStats | null | undefined, after: PoolStats | null | undefined): Share[];
export function formatSteps(rows: StepRow[], workers?: { kinds?: Record<string, { lane: number; busy: number }[]>; run?: Share[]; osd?: Share[] }): string;
