// The tool registry: one module a tool, the same shape each, so that the API, the UI and
// the tests iterate them and nothing outside a tool's module compares its slug.
import type { ToolMeta } from '../shared/tools';
import { extractTables } from './extract-tables';
import { handwritingToText } from './handwriting-to-text';
import { imageToMarkdown } from './image-to-markdown';
import { imageToText } from './image-to-text';
import { math } from './math';
import { pdfToText } from './pdf-to-text';
import { receipt } from './receipt';
import { translate } from './translate';
import type { Tool } from './types';

export type { Tool } from './types';

export const TOOLS: readonly Tool[] = [imageToText, pdfToText, extractTables, receipt, handwritingToText, math, translate, imageToMarkdown];

/** Every tool's meta, in the order the UI offers them. */
export const TOOL_METAS: readonly ToolMeta[] = TOOLS.map((t) => t.meta);

export function findTool(slug: string | undefined | null): Tool | undefined {
  return slug ? TOOLS.find((t) => t.meta.slug === slug) : undefined;
}
