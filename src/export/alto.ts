// ALTO v4 (https://www.loc.gov/standards/alto/): Description (pixels, the source file, the
// processing), then Layout → Page → PrintSpace → TextBlock → TextLine → String, an SP between
// words; every word of the job with its box (HPOS, VPOS, WIDTH, HEIGHT in page pixels) and
// confidence (WC, 0..1), in reading order.
import type { BBox } from '../shared/contract';
import type { Exporter, ExporterMeta } from './types';
import { jobBoxes, xmlEscape, type BoxWord } from './boxes';

const meta: ExporterMeta = { format: 'alto', label: 'ALTO XML (words and boxes)', mime: 'application/xml', ext: 'xml' };

export const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';
const SCHEMA = 'http://www.loc.gov/standards/alto/v4/alto-4-4.xsd';

const box = (b: BBox) => `HPOS="${b[0]}" VPOS="${b[1]}" WIDTH="${b[2] - b[0]}" HEIGHT="${b[3] - b[1]}"`;

/** The gap between two words of a line, whichever way the line runs. */
function space(a: BoxWord, b: BoxWord, line: BBox): string {
  const x0 = Math.min(a.bbox[2], b.bbox[2]);
  const x1 = Math.max(x0, Math.max(a.bbox[0], b.bbox[0]));
  return `<SP HPOS="${x0}" VPOS="${line[1]}" WIDTH="${x1 - x0}"/>`;
}

/** WC: three decimals at most, as a plain number ("0.956", "1"). */
const wc = (c: number) => String(Math.round(c * 1000) / 1000);

export const alto: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    const pages = jobBoxes(job);
    const when = job.finished_at ?? job.created_at;
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<alto xmlns="${ALTO_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ALTO_NS} ${SCHEMA}">`,
      '  <Description>',
      '    <MeasurementUnit>pixel</MeasurementUnit>',
      '    <sourceImageInformation>',
      `      <fileName>${xmlEscape(job.file_name)}</fileName>`,
      '    </sourceImageInformation>',
      '    <Processing ID="processing_1">',
      ...(when && !Number.isNaN(Date.parse(when)) ? [`      <processingDateTime>${new Date(when).toISOString()}</processingDateTime>`] : []),
      `      <processingStepSettings>${xmlEscape(`tier=${job.tier}; language=${job.detected_language ?? job.language}`)}</processingStepSettings>`,
      '      <processingSoftware>',
      '        <softwareName>OCR.chat</softwareName>',
      '      </processingSoftware>',
      '    </Processing>',
      '  </Description>',
      '  <Layout>',
    ];
    // Layout holds one Page at least.
    const list = pages.length > 0 ? pages : [{ index: 0, width: 0, height: 0, blocks: [] }];
    for (const page of list) {
      const p = page.index + 1;
      out.push(`    <Page ID="page_${p}" PHYSICAL_IMG_NR="${p}" WIDTH="${page.width}" HEIGHT="${page.height}">`);
      out.push(`      <PrintSpace ${box([0, 0, page.width, page.height])}>`);
      let b = 0;
      let l = 0;
      let w = 0;
      for (const block of page.blocks) {
        b++;
        out.push(`        <TextBlock ID="block_${p}_${b}" ${box(block.bbox)}>`);
        for (const line of block.lines) {
          l++;
          out.push(`          <TextLine ID="line_${p}_${l}" ${box(line.bbox)}>`);
          line.words.forEach((word, i) => {
            w++;
            const sp = i > 0 ? `            ${space(line.words[i - 1]!, word, line.bbox)}` : null;
            if (sp) out.push(sp);
            out.push(`            <String ID="string_${p}_${w}" ${box(word.bbox)} WC="${wc(word.confidence)}" CONTENT="${xmlEscape(word.text)}"/>`);
          });
          out.push('          </TextLine>');
        }
        out.push('        </TextBlock>');
      }
      out.push('      </PrintSpace>', '    </Page>');
      signal?.throwIfAborted();
    }
    out.push('  </Layout>', '</alto>', '');
    return new Blob([out.join('\n')], { type: meta.mime });
  },
};
