import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { PAGE_H, PAGE_W, longJob } from './support/fixture';
import { encodeJpeg } from './support/jpeg';
import { encodePng } from './support/png';
import { blobOf, saveBlob, tool } from './support/tools';

describe('a 50-page job', () => {
  it('exports in every format (its time is measured by npm run bench:units)', async () => {
    const job = longJob(50);
    const png = blobOf(encodePng(PAGE_W, PAGE_H, (x, y) => [(x * 7) & 255, (y * 3) & 255, 240], { colorType: 2 }));
    const rgba = blobOf(encodePng(PAGE_W, PAGE_H, (x, y) => [(x * 7) & 255, (y * 3) & 255, 240, 255], { colorType: 6 }));
    const jpeg = blobOf(encodeJpeg(PAGE_W, PAGE_H, (bx, by) => [(bx * 20) & 255, (by * 5) & 255, 200]));
    const images = [png, rgba, jpeg];
    const sizes: Record<string, number> = {};
    for (const format of EXPORT_FORMATS) {
      const blob = await exporters[format].export({ job, pageImage: async (i) => images[i % 3]! });
      sizes[format] = blob.size;
      if (format === 'pdf') {
        const path = await saveBlob(blob, 'long.pdf');
        expect(tool('pdfinfo', [path]).stdout).toMatch(/^Pages:\s+50$/m);
        expect(tool('pdftotext', ['-f', '50', '-l', '50', path, '-']).stdout).toContain('Chapter 50');
      }
    }
    for (const format of EXPORT_FORMATS) expect(sizes[format]).toBeGreaterThan(0);
  });
});
