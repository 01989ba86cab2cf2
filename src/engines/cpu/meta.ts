import { config } from '../../shared/config';
import type { EngineMeta } from '../../shared/engine';

export const meta = {
  id: 'cpu',
  label: 'Tesseract (CPU, WASM)',
  input: 'raster',
  tier: 'cpu',
  cost: config.creditsPerPage.cpu,
  choice: { name: 'Fast', hint: 'Tesseract' },
  reads: 'printed text in every language Tesseract has (100+), language=auto detects the script and language',
  needs: 'WebAssembly; the traineddata of the page’s language (shipped, or fetched once from the language source)',
} as const satisfies EngineMeta & { choice: { name: string; hint: string } };
