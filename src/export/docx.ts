// Word: headings, paragraphs, lists and real tables from the pages' sections; one section per page.
import type { FileChild, ISectionOptions, INumberingOptions } from 'docx';
import type { Job } from '../shared/contract';
import type { Exporter, ExporterMeta } from './types';
import { pageSections, type Section } from './structure';
import { isRtl, orderedPages } from './text';

const meta: ExporterMeta = {
  format: 'docx',
  label: 'Word (DOCX)',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
};

// A4 in twips, one-inch margins: the text reflows, so the scan's own size does not matter.
const A4 = { short: 11906, long: 16838 };
const MARGIN = 1440;

type Docx = typeof import('docx');
const HEADINGS = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'] as const;

/** A list item's indent: the marker hangs in the margin, the text lines up after it. */
const LIST_INDENT = { left: 720, hanging: 360 };

/** Bulleted lists are Word's bullets; a numbered list keeps the markers the page shows as
 * its text ("33.", "a)", "(2)"), which Word's numbering would replace with its own. */
function numbering(d: Docx): INumberingOptions {
  return {
    config: [
      {
        reference: 'bullet',
        levels: [{ level: 0, format: d.LevelFormat.BULLET, text: '•', start: 1, alignment: d.AlignmentType.START, style: { paragraph: { indent: LIST_INDENT } } }],
      },
    ],
  };
}

interface RunStyle {
  heading?: number;
  italics?: boolean;
  bold?: boolean;
  list?: { reference: string; instance: number };
  /** a numbered item's marker, before a tab, hanging in the indent */
  marker?: string;
}

/** Writes sections as docx children; counts lists so each one restarts its numbering. */
class SectionWriter {
  private lists = 0;
  private readonly d: Docx;
  constructor(d: Docx) {
    this.d = d;
  }

  /** One paragraph; several lines are kept apart by line breaks (w:br). */
  private paragraph(text: string | string[], style: RunStyle = {}) {
    const d = this.d;
    const lines = typeof text === 'string' ? [text] : text;
    const rtl = isRtl(lines.join(' ')) || undefined;
    const run = (t: string, i: number) =>
      new d.TextRun({ text: t, break: i > 0 ? 1 : undefined, italics: style.italics || undefined, bold: style.bold || undefined, rightToLeft: rtl });
    const marker = style.marker ? [new d.TextRun({ text: style.marker, rightToLeft: rtl }), new d.TextRun({ children: [new d.Tab()], rightToLeft: rtl })] : [];
    return new d.Paragraph({
      heading: style.heading ? HEADINGS[Math.min(6, style.heading) - 1] : undefined,
      numbering: style.list ? { ...style.list, level: 0 } : undefined,
      indent: style.marker !== undefined ? LIST_INDENT : undefined,
      bidirectional: rtl,
      children: [...marker, ...lines.map(run)],
    });
  }

  /** A Word table; merged cells are real ones (w:gridSpan across, w:vMerge down), and
   * each header row repeats on every page the table runs over. */
  private table(s: Extract<Section, { kind: 'table' }>, textWidth: number) {
    const d = this.d;
    const { rows, spans } = s;
    const headerRows = s.header ? Math.max(1, s.headerRows) : 0;
    const cols = Math.max(1, ...rows.map((r) => r.length));
    const colWidth = Math.floor(textWidth / cols);
    const spanAt = new Map(spans.map((sp) => [`${sp.row},${sp.col}`, sp]));
    // Cells under a merged cell are left out here: docx writes the vMerge continuations itself.
    const covered = new Set<string>();
    for (const sp of spans) for (let r = sp.row; r < sp.row + sp.row_span; r++) for (let c = sp.col; c < sp.col + sp.col_span; c++) if (r !== sp.row || c !== sp.col) covered.add(`${r},${c}`);
    return new d.Table({
      width: { size: colWidth * cols, type: d.WidthType.DXA },
      columnWidths: Array<number>(cols).fill(colWidth),
      rows: rows.map((row, i) => {
        const cells = [];
        for (let c = 0; c < cols; c++) {
          if (covered.has(`${i},${c}`)) continue;
          const sp = spanAt.get(`${i},${c}`);
          cells.push(
            new d.TableCell({
              children: [this.paragraph(row[c] ?? '', { bold: i < headerRows })],
              ...(sp && sp.col_span > 1 ? { columnSpan: sp.col_span, width: { size: colWidth * sp.col_span, type: d.WidthType.DXA } } : {}),
              ...(sp && sp.row_span > 1 ? { rowSpan: sp.row_span } : {}),
            }),
          );
        }
        return new d.TableRow({ tableHeader: i < headerRows || undefined, children: cells });
      }),
    });
  }

  /** `textWidth` in twips: the page's width inside its margins. */
  write(s: Section, textWidth: number): FileChild[] {
    switch (s.kind) {
      case 'heading':
        return [this.paragraph(s.text, { heading: s.level })];
      case 'paragraph':
        // Lines of a paragraph reflow in Word, the scan's line breaks not being the author's,
        // unless the layout found that they are (a receipt, an address).
        return [this.paragraph(s.kept ? s.lines : s.lines.join(' '), { italics: s.caption })];
      case 'list': {
        if (s.ordered) return s.items.map((item, i) => this.paragraph(item, { marker: s.markers[i] ?? '' }));
        const list = { reference: 'bullet', instance: ++this.lists };
        return s.items.map((item) => this.paragraph(item, { list }));
      }
      case 'table':
        return [this.table(s, textWidth)];
    }
  }
}

export async function buildDocx(job: Job, signal?: AbortSignal): Promise<Blob> {
  const d = await import('docx');
  const sections: ISectionOptions[] = [];
  const writer = new SectionWriter(d);
  for (const page of orderedPages(job)) {
    signal?.throwIfAborted();
    const parts = pageSections(page);
    const landscape = page.width > page.height * 1.05;
    const textWidth = (landscape ? A4.long : A4.short) - 2 * MARGIN;
    const children = parts.flatMap((s) => writer.write(s, textWidth));
    sections.push({
      properties: {
        page: {
          size: { width: A4.short, height: A4.long, orientation: landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
          margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
        },
      },
      children: children.length ? children : [new d.Paragraph({})],
    });
  }
  if (sections.length === 0) sections.push({ children: [new d.Paragraph({})] });
  const doc = new d.Document({
    creator: 'OCR.chat',
    title: job.file_name,
    numbering: numbering(d),
    sections,
  });
  const bytes = await d.Packer.toArrayBuffer(doc);
  signal?.throwIfAborted();
  return new Blob([bytes], { type: meta.mime });
}

export const docx: Exporter = {
  meta,
  export: ({ job }, signal) => buildDocx(job, signal),
};
