/** Types of scripts/rec-model.mjs (for the unit test). */
export function optimiseRec(
  bytes: Uint8Array,
  options?: { int8?: boolean },
): { bytes: Uint8Array; stats: { affineIntoConv: number; affineIntoNext: number; hardSwish: number; int8Conv: number } };
