// Markdown: the job's own when the layout wrote one, else built from the pages' sections.
import { listItemMarkdown } from '../shared/markdown';
import type { Page } from '../shared/contract';
import type { Exporter, ExporterMeta } from './types';
import { pageSections, type Section } from './structure';
import { orderedPages } from './text';

/** Between pages: a thematic break, so the pages stay apart when rendered. */
export const PAGE_SEPARATOR = '\n\n---\n\n';

// A line that would otherwise start a heading, quote, list, rule, table or code block.
const BLOCK_START = /^(\s*)([#>+|]|[-*_](?=\s|[-*_]|$)|`{3}|~{3}|=+\s*$)/;
const ORDERED_START = /^(\s*\d{1,9})([.)])(?=\s|$)/;

function escapeLine(line: string): string {
  if (ORDERED_START.test(line)) return line.replace(ORDERED_START, '$1\\$2');
  return line.replace(BLOCK_START, '$1\\$2');
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** A pipe table; one without a header gets an empty header row, as Markdown needs one. */
function pipeTable(rows: string[][], header: boolean): string {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: cols }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
  const [head = [], ...body] = header ? rows : [[], ...rows];
  return [line(head), `|${' --- |'.repeat(cols)}`, ...body.map(line)].join('\n');
}

export function sectionMarkdown(s: Section): string {
  switch (s.kind) {
    case 'heading':
      // A trailing run of # would be read as the heading's closing sequence.
      return `${'#'.repeat(s.level)} ${s.text.replace(/(^|\s)(#+)\s*$/, '$1\\$2')}`;
    case 'paragraph': {
      // Kept lines end in a hard break (a backslash); others are soft breaks that reflow.
      const lines = s.lines.map(escapeLine);
      const text = s.kept ? lines.map((l) => l.replace(/\\$/, '\\\\')).join('\\\n') : lines.join('\n');
      return s.caption ? `*${text}*` : text;
    }
    case 'list':
      return s.items.map((item, i) => listItemMarkdown(s.markers[i] ?? '', item, escapeLine)).join('\n');
    case 'table':
      return pipeTable(s.rows, s.header);
  }
}

export function pageMarkdown(page: Page): string {
  if (page.markdown.trim()) return page.markdown.trim();
  return pageSections(page).map(sectionMarkdown).join('\n\n');
}

const meta: ExporterMeta = { format: 'md', label: 'Markdown', mime: 'text/markdown; charset=utf-8', ext: 'md' };

export const md: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    const text = job.markdown.trim() ? job.markdown : orderedPages(job).map(pageMarkdown).join(PAGE_SEPARATOR);
    return new Blob([text.endsWith('\n') ? text : `${text}\n`], { type: meta.mime });
  },
};
