// PDF pages through pdf.js: a page with a real text layer gives its text runs (the
// pdf-text engine makes words and lines of them); a page without one, or a scan under an
// old invisible OCR layer, is rendered for recognition.
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { UserError } from '../shared/errors';
import { encodeJpeg } from '../shared/pixels';
import { mayDrawInvisibleText } from './pdf-render-modes';
import { pathRules } from './pdf-rules';
import type { Rule } from '../shared/ruling';
import { WorkerPool } from '../shared/worker-pool';
import type { OpenedDocument, PageImage, TextLayer, TextRun } from './types';

/** About 300 dpi, capped so a huge page stays a sane bitmap. */
const RENDER_DPI = 300;
const MAX_SIDE = 4200;
const MIN_TEXT_CHARS = 16;
/** A born-digital page's image: 144 dpi, sharp on screen and in the searchable PDF. */
const TEXT_PAGE_SCALE = 2;

/**
 * pdf.js parses and decodes in its own worker. Two documents at once (two jobs, or an
 * upload being checked while another is read) each get a worker of their own, up to two,
 * so that parsing uses both cores of a small machine.
 */
const pdfWorkers = new WorkerPool<pdfjs.PDFWorker>({
  size: () => Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
  whenFull: 'share',
  start: () => {
    const port = new Worker(new URL('../../workers/pdfjs.ts', import.meta.url), { type: 'module', name: 'ocrchat-pdfjs' });
    // pdf.js takes a Worker as its port (its type declaration says otherwise).
    // Errors only: the reading opening leaves images out with a warning each, and real files
    // have many harmless quirks pdf.js warns about. (A worker's level is set when it starts.)
    const options = { port, verbosity: pdfjs.VerbosityLevel.ERRORS };
    return new pdfjs.PDFWorker(options as unknown as ConstructorParameters<typeof pdfjs.PDFWorker>[0]);
  },
  stop: (worker) => worker.destroy(),
});

async function borrowWorker(): Promise<{ worker: pdfjs.PDFWorker; release: () => void }> {
  const slot = await pdfWorkers.acquire();
  let released = false;
  return {
    worker: slot.worker,
    release: () => {
      if (!released) pdfWorkers.release(slot);
      released = true;
    },
  };
}

interface LoadedPdf {
  doc: PDFDocumentProxy;
  destroy: () => Promise<void>;
}

/**
 * Opens the PDF in pdf.js; a clear UserError for an encrypted or broken file.
 * `fontFaces`: load the embedded fonts into the page as FontFaces, for drawing text
 * sharply and fast. Reading a text layer needs no FontFace, and the browser checking each
 * embedded font as it loads it was most of the main thread's time on a born-digital page;
 * a page drawn from such a document (for OCR) draws its text as paths instead.
 * `images: false`: pdf.js leaves every image out (for reading text layers, which never
 * needs them; it would otherwise decode each photo of a page and send it to this thread).
 * The `maxImageSize: 0` that says so also tells our build of the worker not to parse the
 * embedded TrueType programs, which text layers do not need (scripts/pdfjs-text-fonts.mjs):
 * an opening that draws pages must never set it.
 */
async function loadPdf(bytes: ArrayBuffer, { fontFaces = false, images = true } = {}): Promise<LoadedPdf> {
  const { worker, release } = await borrowWorker();
  const vendor = new URL(`${import.meta.env.BASE_URL}vendor/pdfjs/`, location.href).href;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.slice(0)),
    worker,
    stopAtErrors: false,
    // Scans are often JBIG2 or JPEG 2000: pdf.js decodes them with its WASM decoders.
    wasmUrl: `${vendor}wasm/`,
    cMapUrl: `${vendor}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${vendor}standard_fonts/`,
    disableFontFace: !fontFaces,
    // 0: every image is over the limit, left out.
    ...(images ? {} : { maxImageSize: 0 }),
    verbosity: pdfjs.VerbosityLevel.ERRORS, // on this thread (the worker's is set above)
  });
  const destroy = async () => {
    try {
      await task.destroy();
    } finally {
      release();
    }
  };
  try {
    return { doc: await task.promise, destroy };
  } catch (err) {
    await destroy();
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new UserError('encrypted_pdf', 'The PDF is protected by a password; remove the password and upload it again.');
    }
    throw new UserError('undecodable_file', 'The PDF could not be read; it may be truncated or corrupt.');
  }
}

/**
 * A PDF's pages for a job. Text layers are read from an opening without images; a page
 * that needs OCR is drawn from a second opening, with them, made the first time one does
 * (a born-digital file never opens it).
 */
export async function openPdf(bytes: ArrayBuffer): Promise<OpenedDocument> {
  // Most files never draw text invisibly: their pages skip the operator-list check.
  // (Scanned while pdf.js opens the file.)
  const hiding = mayDrawInvisibleText(new Uint8Array(bytes)).catch(() => true);
  const text = await loadPdf(bytes, { images: false });
  // Kept for the second opening, and let go once it is made (pdf.js holds its own copy).
  let source: ArrayBuffer | null = bytes;
  let drawing: Promise<LoadedPdf> | null = null;
  const drawn = () => {
    drawing ??= loadPdf(source!).then(
      (d) => {
        source = null;
        return d;
      },
      (err) => {
        drawing = null;
        throw err;
      },
    );
    return drawing;
  };
  // Born-digital: no OCR and no rendering now; its image (at up to 144 dpi) is drawn on demand.
  const readAt = async (index: number) => {
    const page = await text.doc.getPage(index + 1);
    try {
      const scale = renderScale(page);
      return { scale, textLayer: await readTextLayer(page, Math.min(scale, TEXT_PAGE_SCALE), hiding) };
    } finally {
      page.cleanup();
    }
  };
  // The next page's text layer is read while this one is laid out and stored (one ahead,
  // and only after a page that had one: a scan's next page is read when it is claimed).
  const ahead = new Map<number, ReturnType<typeof readAt>>();
  return {
    type: 'pdf',
    pageCount: text.doc.numPages,
    async page(index: number): Promise<PageImage> {
      const read = ahead.get(index) ?? readAt(index);
      ahead.delete(index);
      const { scale, textLayer } = await read;
      if (textLayer && index + 1 < text.doc.numPages && !ahead.has(index + 1)) {
        const next = readAt(index + 1);
        next.catch(() => {}); // its failure is the next page's, when that is asked for
        ahead.set(index + 1, next);
      }
      if (textLayer) return { textLayer };
      const full = await (await drawn()).doc.getPage(index + 1);
      try {
        return { bitmap: await renderPage(full, scale) };
      } finally {
        full.cleanup();
      }
    },
    close() {
      ahead.clear();
      void text.destroy();
      void drawing?.then((d) => d.destroy(), () => undefined);
    },
  };
}

/**
 * Draws born-digital pages `width` pixels wide (the size their words were measured at) as
 * JPEG, for the viewer and the searchable PDF. One opening of the file for all of them.
 */
export async function renderPdfPages(bytes: ArrayBuffer, pages: { index: number; width: number }[]): Promise<Map<number, Blob>> {
  const out = new Map<number, Blob>();
  if (pages.length === 0) return out;
  const { doc, destroy } = await loadPdf(bytes, { fontFaces: true });
  try {
    for (const { index, width } of pages) {
      const page = await doc.getPage(index + 1);
      try {
        const scale = width / page.getViewport({ scale: 1 }).width;
        const bitmap = await renderPage(page, scale);
        try {
          out.set(index, await encodeJpeg(bitmap, 0.92));
        } finally {
          bitmap.close();
        }
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await destroy();
  }
  return out;
}

function renderScale(page: PDFPageProxy): number {
  const vp = page.getViewport({ scale: 1 });
  const scale = RENDER_DPI / 72;
  return Math.min(scale, MAX_SIDE / Math.max(vp.width, vp.height));
}

async function renderPage(page: PDFPageProxy, scale: number): Promise<ImageBitmap> {
  const viewport = page.getViewport({ scale });
  const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: ctx as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  return canvas.transferToImageBitmap();
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/**
 * The runs of the page's text layer in pixels at `scale`, or null when the page needs OCR.
 * `hiding`: whether the file may draw text invisibly, so that this page's operator list is looked at.
 */
async function readTextLayer(page: PDFPageProxy, scale: number, hiding: Promise<boolean>): Promise<TextLayer | null> {
  const content = await page.getTextContent();
  const items = content.items.filter((it): it is TextItem & typeof it => 'str' in it && it.str.trim() !== '');
  const chars = items.reduce((n, it) => n + it.str.replace(/\s/g, '').length, 0);
  if (chars < MIN_TEXT_CHARS) return null;
  if ((await hiding) && (await isInvisibleOcrLayer(page))) return null;
  const viewport = page.getViewport({ scale });
  const vt = viewport.transform;
  const sx = Math.hypot(vt[0]!, vt[1]!);
  // The generic family (serif, sans-serif, monospace) tells a sidebar from the body.
  const familyOf = (item: TextItem) => content.styles[item.fontName]?.fontFamily ?? item.fontName;
  const runs: TextRun[] = items.map((item) => {
    const t = pdfjs.Util.transform(vt, item.transform);
    return { str: item.str, x: t[4]!, baseline: t[5]!, width: item.width * sx, fontHeight: Math.hypot(t[2]!, t[3]!), family: familyOf(item) };
  });
  // The ruling lines only when asked (tool=extract-tables): the operator list costs a parse.
  const rules = (): Promise<Rule[]> =>
    page
      .getOperatorList()
      .then((ops) => pathRules(ops.fnArray, ops.argsArray, pdfjs.OPS, vt as [number, number, number, number, number, number]))
      .catch(() => [])
      .finally(() => page.cleanup());
  return { width: Math.ceil(viewport.width), height: Math.ceil(viewport.height), runs, rules };
}

/** Text rendering modes that draw nothing: 3 (invisible) and 7 (clip only). */
const INVISIBLE_MODES = new Set([3, 7]);

/**
 * A scan with an old OCR layer draws its text invisibly (render mode 3) over the picture.
 * A page most of whose characters are drawn so is read afresh from its rendering (which
 * shows whatever the page really shows); a little hidden text on a born-digital page does
 * not count. The images themselves are not looked at (the opening leaves them out).
 */
async function isInvisibleOcrLayer(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  const { OPS } = pdfjs;
  const saved: number[] = [];
  let mode = 0;
  let hidden = 0;
  let shown = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) saved.push(mode);
    else if (fn === OPS.restore) mode = saved.pop() ?? 0;
    else if (fn === OPS.setTextRenderingMode) mode = Number(args?.[0]) || 0;
    else if (fn === OPS.showText || fn === OPS.showSpacedText || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      const glyphs = args?.[0];
      const n = Array.isArray(glyphs) ? glyphs.filter((g) => g && typeof g === 'object').length : 0;
      if (INVISIBLE_MODES.has(mode)) hidden += n;
      else shown += n;
    }
  }
  return hidden > shown;
}
