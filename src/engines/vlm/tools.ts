// Tools that need a heavier model on top of PP-OCRv4: handwriting-to-text re-reads each
// line PP-OCRv4 finds with TrOCR; math reads each paragraph block with Texify. The model is
// looked up before any work starts, so a job without it fails within a second with a
// sentence that says what to download. Image-to-Markdown and table extraction hand the
// whole page to a page model (granite-docling) when one is downloaded, and to PP-OCRv4
// otherwise.
import type { BBox } from '../../shared/contract';
import { rotateBitmap } from '../../shared/pixels';
import { requireModel, usableModel, type ModelEntry, type ModelTask } from '../../models';
import { docTagsToBlocks } from './doctags';
import type { EngineBlock } from '../../shared/engine';
import type { ToolRecipe } from '../../shared/tools';
import { wordsAlong } from '../../shared/text';
// A model that reads a paragraph at a time needs the page's paragraphs: the layout finds them.
import { detectedBlocks } from '../../layout/detected-lines';
import { readImages } from './reader';
import type { RawLine, RunResult } from './protocol';

/** What a tool's model re-reads: the model's task, one text line or one paragraph block, and the tool's name for the error sentence. */
export type ToolModel = NonNullable<ToolRecipe['reread']>;

/**
 * The installed page model a tool's page goes to, if any (and if it can run here). Its
 * absence is no failure: PP-OCRv4 and the layout read the page instead.
 */
export async function pageModelFor(recipe: ToolRecipe | undefined): Promise<ModelEntry | undefined> {
  if (!recipe?.pageModel) return undefined;
  return (await usableModel('page-to-markdown')).entry;
}

/** A page converted by the page model: its DocTags as blocks that say what they are; none when it wrote nothing readable. */
export async function readWithPageModel(
  entry: ModelEntry,
  page: ImageBitmap,
  device: 'webgpu' | 'wasm',
  signal?: AbortSignal,
): Promise<{ blocks: EngineBlock[]; lines?: RawLine[]; timings: Record<string, number> }> {
  const t0 = performance.now();
  const { texts, loadMs } = await readImages(entry, device, [await createImageBitmap(page)], signal);
  const t = texts[0];
  const blocks = t ? docTagsToBlocks(t.text, page.width, page.height, t.confidence) : [];
  return { blocks, timings: { pageModel: performance.now() - t0, modelLoad: loadMs } };
}

/** The tool's model, or a ModelError naming what to download (or that WebGPU is missing). */
export async function modelForTool(recipe: ToolRecipe | undefined): Promise<{ spec: ToolModel; entry: ModelEntry } | undefined> {
  const spec = recipe?.reread;
  if (!spec) return undefined;
  return { spec, entry: await requireModel(spec.task, spec.purpose) };
}

/** A box cut out with a margin of a fifth of its height (models read better with some space around). */
function cut(page: ImageBitmap | OffscreenCanvas, b: BBox): Promise<ImageBitmap> {
  const pad = Math.round(0.2 * (b[3] - b[1]));
  const x0 = Math.max(0, Math.floor(b[0] - pad));
  const y0 = Math.max(0, Math.floor(b[1] - pad));
  const x1 = Math.min(page.width, Math.ceil(b[2] + pad));
  const y1 = Math.min(page.height, Math.ceil(b[3] + pad));
  return createImageBitmap(page, x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
}

/**
 * Runs the tool's model over PP-OCRv4's lines or blocks and gives the page's blocks with
 * the model's text. `page` is the bitmap PP-OCRv4 read (before any turn).
 */
export async function applyToolModel(
  tool: { spec: ToolModel; entry: ModelEntry },
  page: ImageBitmap,
  result: RunResult,
  device: 'webgpu' | 'wasm',
  signal?: AbortSignal,
): Promise<{ blocks: EngineBlock[]; lines?: RawLine[]; timings: Record<string, number> }> {
  const t0 = performance.now();
  // The page turned upright, as the boxes are given.
  const source = result.rotation ? rotateBitmap(page, result.rotation) : page;
  if (tool.spec.unit === 'line') {
    const crops = await Promise.all(result.lines.map((l) => cut(source, l.bbox)));
    const { texts, loadMs } = crops.length ? await readImages(tool.entry, device, crops, signal) : { texts: [], loadMs: 0 };
    const lines: RawLine[] = [];
    result.lines.forEach((l, i) => {
      const t = texts[i];
      if (!t?.text) return;
      lines.push({ ...l, text: t.text, confidence: t.confidence, words: wordsAlong(t.text, l.bbox, t.confidence) });
    });
    return { blocks: [], lines, timings: { model: performance.now() - t0, modelLoad: loadMs } };
  }
  const blocks = detectedBlocks(result.lines, result.width, result.height);
  const crops = await Promise.all(blocks.map((b) => cut(source, b.bbox)));
  const { texts, loadMs } = crops.length ? await readImages(tool.entry, device, crops, signal) : { texts: [], loadMs: 0 };
  const out: EngineBlock[] = [];
  blocks.forEach((b, i) => {
    const t = texts[i];
    if (!t?.text) return;
    const lines = t.text.split('\n').filter((s) => s.trim());
    const h = (b.bbox[3] - b.bbox[1]) / Math.max(1, lines.length);
    out.push({
      bbox: b.bbox,
      confidence: t.confidence,
      lines: lines.map((text, k) => {
        const box: BBox = [b.bbox[0], Math.round(b.bbox[1] + k * h), b.bbox[2], Math.round(b.bbox[1] + (k + 1) * h)];
        return { text, bbox: box, confidence: t.confidence, words: wordsAlong(text, box, t.confidence).map((w) => ({ ...w, bbox: w.bbox.map(Math.round) as BBox })) };
      }),
    });
  });
  return { blocks: out, timings: { model: performance.now() - t0, modelLoad: loadMs } };
}
