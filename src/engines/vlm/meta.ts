import { config } from '../../shared/config';
import type { EngineMeta } from '../../shared/engine';
import { vlmRecogniserFor } from '../../models/registry';

export const meta = {
  id: 'vlm',
  label: 'PP-OCRv4 (deep learning; WebGPU or WASM)',
  input: 'raster',
  tier: 'vlm',
  cost: config.creditsPerPage.vlm,
  choice: { name: 'Accurate', hint: 'Deep learning · photos, handwriting' },
  reads: 'Chinese and Latin-script text with PP-OCRv4, other scripts with a downloaded recogniser; handwriting, formulas and whole pages with downloaded models',
  needs: 'WebGPU, or WebAssembly; PP-OCRv4 ships with the app',
  // Other scripts need a recogniser of their own (downloaded in Settings → Models; the page
  // says so when it is not there); for those the registry has none, tier=cpu.
  refuses: (languages: string) =>
    vlmRecogniserFor(languages)
      ? null
      : `The vlm tier reads Chinese and Latin-script languages and those it has a recogniser for, not ${languages.replace(/\+/g, ', ')}: use tier=cpu (Tesseract) for this file.`,
} as const satisfies EngineMeta & { choice: { name: string; hint: string } };
