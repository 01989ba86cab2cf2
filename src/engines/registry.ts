// The engine registry's metas: what each engine is, reads, needs and costs. The API, the UI
// and the tests iterate it; the engines' code is in ./index.ts (the engine host loads it).
import type { Tier } from '../shared/contract';
import type { EngineMeta } from '../shared/engine';
import { meta as cpu } from './cpu/meta';
import { meta as pdfText } from './pdf-text/meta';
import { meta as vlm } from './vlm/meta';

export const ENGINE_METAS: readonly EngineMeta[] = [cpu, vlm, pdfText];

/** The engines a job chooses by its tier, with how the upload form names them. */
export const TIER_ENGINES = [cpu, vlm] as const;

export const TIER_IDS: readonly Tier[] = TIER_ENGINES.map((e) => e.tier);

export function tierEngine(tier: string): (typeof TIER_ENGINES)[number] | undefined {
  return TIER_ENGINES.find((e) => e.tier === tier);
}

/** Credits a page of a job on this tier costs. */
export function pageCost(tier: Tier): number {
  return tierEngine(tier)!.cost;
}

export function creditsText(n: number): string {
  return `${n} credit${n === 1 ? '' : 's'}`;
}
