// Page images, as the viewer and the searchable PDF want them. A recognised page's image
// was stored when it was read; a born-digital PDF page is not rendered while the job runs
// (its words come from the text layer), so its image is drawn here, from the upload, the
// first time someone asks for it, and kept with the job.
import type { OcrDatabase } from '../store/db';
import type { Page } from '../shared/contract';
import { renderPdfPages } from '../documents/pdf';

const key = (uuid: string, index: number) => `${uuid}/page/${index}`;

/** The images of the job's pages by index; null where a page has none (failed, or past retention). */
export async function pageImages(db: OcrDatabase, job: { uuid: string; pages: Pick<Page, 'index' | 'width' | 'source'>[] }, indexes?: number[]): Promise<Map<number, Blob | null>> {
  const wanted = job.pages.filter((p) => !indexes || indexes.includes(p.index));
  const out = new Map<number, Blob | null>();
  const missing: { index: number; width: number }[] = [];
  for (const p of wanted) {
    const stored = await db.files.get(key(job.uuid, p.index));
    out.set(p.index, stored?.blob ?? null);
    if (!stored && p.source === 'pdf-text' && p.width > 0) missing.push({ index: p.index, width: p.width });
  }
  if (missing.length === 0) return out;
  const upload = await db.files.get(job.uuid);
  if (!upload) return out;
  const drawn = await renderPdfPages(await upload.blob.arrayBuffer(), missing);
  const now = Date.now();
  await db.files.bulkPut([...drawn].map(([index, blob]) => ({ key: key(job.uuid, index), jobUuid: job.uuid, blob, created_ms: now })));
  for (const [index, blob] of drawn) out.set(index, blob);
  return out;
}

/** One page's image, or null. */
export async function pageImage(db: OcrDatabase, job: { uuid: string; pages: Pick<Page, 'index' | 'width' | 'source'>[] }, index: number): Promise<Blob | null> {
  return (await pageImages(db, job, [index])).get(index) ?? null;
}
