// Times of the parts that run without a browser (formerly asserted in unit tests):
// exporting a 50-page job in every format, retrieval over a 500-page job, and the
// bench's own edit distance on a long page. `npm run bench:units` prints them.
import { bench, describe } from 'vitest';
import { EXPORT_FORMATS } from '../../src/shared/contract';
import { exporters } from '../../src/export';
import { buildIndex, extractiveAnswerer } from '../../src/chat';
import { PAGE_H, PAGE_W, longJob } from '../../test/unit/export/support/fixture';
import { encodeJpeg } from '../../test/unit/export/support/jpeg';
import { encodePng } from '../../test/unit/export/support/png';
import { jobFromTexts } from '../../test/unit/chat/helpers';
import { codePoints, levenshtein } from '../score.mjs';

const job50 = longJob(50);
const blob = (b: Uint8Array) => new Blob([b as BlobPart]);
const images = [
  blob(encodePng(PAGE_W, PAGE_H, (x, y) => [(x * 7) & 255, (y * 3) & 255, 240], { colorType: 2 })),
  blob(encodePng(PAGE_W, PAGE_H, (x, y) => [(x * 7) & 255, (y * 3) & 255, 240, 255], { colorType: 6 })),
  blob(encodeJpeg(PAGE_W, PAGE_H, (bx, by) => [(bx * 20) & 255, (by * 5) & 255, 200])),
];

describe('export: a 50-page job', () => {
  for (const format of EXPORT_FORMATS) {
    bench(format, async () => {
      await exporters[format].export({ job: job50, pageImage: async (i) => images[i % 3]! });
    }, { iterations: 3, time: 0 });
  }
});

function fillerPage(n: number): string {
  const words = 'system report quarter review process budget region market growth service customer project team plan result'.split(' ');
  let seed = n * 7919 + 13;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out: string[] = [`Section ${n}`];
  for (let p = 0; p < 6; p++) out.push(Array.from({ length: 54 }, () => words[next() % words.length]).join(' ') + '.');
  return out.join('\n\n');
}

describe('chat: a 500-page job', () => {
  const texts = Array.from({ length: 500 }, (_, i) => fillerPage(i + 1));
  texts[376] += '\n\nThe warranty on the centrifugal pump lasts thirty-six months from the date of delivery.';
  bench('build the index (a fresh job each time)', () => {
    buildIndex(jobFromTexts(texts));
  }, { iterations: 5, time: 0 });
  const job = jobFromTexts(texts, 'bench-job');
  buildIndex(job);
  bench('answer a question from the built index', async () => {
    await extractiveAnswerer.answer({ question: 'How long is the warranty on the pump?', job, history: [] });
  }, { iterations: 10, time: 0 });
});

describe('bench: edit distance', () => {
  const a = 'lorem ipsum dolor sit amet '.repeat(200);
  const b = a.replace(/o/g, '0');
  bench('levenshtein on a 5400-character page', () => {
    levenshtein(codePoints(a), codePoints(b));
  }, { iterations: 5, time: 0 });
});
