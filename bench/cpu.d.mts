export const CPU_CLASSES: readonly ['workers', 'main', 'pool', 'service worker', 'browser', 'other'];
export const CPU_CLASS_NOTES: Record<(typeof CPU_CLASSES)[number], string>;
export function classOf(processType: string, main: boolean, name: string): (typeof CPU_CLASSES)[number];
export function startCpuSampler(pidsNow: () => number[], everyMs?: number): { mark(): Record<string, number>; stop(): void };
export function between(before: Record<string, number>, after: Record<string, number>): Record<string, number>;
export function formatCpu(rows: Array<{ label: string; pages: number; wallMs: number; cpu: Record<string, number> }>): string;
