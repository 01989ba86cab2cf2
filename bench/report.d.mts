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
  oursRate: number | null;
  nativeRate: number | null;
}
export function summarise(pages: PageRecord[], timings: Timings): { rows: Row[]; overall: Row };
export function formatTable(
  s: { rows: Row[]; overall: Row },
  opts: { native: boolean; memory: { ours?: { pssMB: number; rssMB: number; during?: string[] } | null; native?: { pssMB: number; rssMB: number } | null } },
): string;
