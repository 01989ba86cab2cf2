// The rendering and the ground truth shared by the chat batches' generators
// (bench/chat-docs/make-docs.mjs, bench/chat-docs-b5/make-docs.mjs): a document is
// { name, kind: 'pdf' | 'png', css, body }; a PDF is printed A4 by Chromium and its ground
// truth is pdftotext's, page by page; a PNG is one 1700 x 2200 screenshot in 16 greys and its
// ground truth is the page's visible text in reading order.
import { chromium } from 'playwright-core';
import { writeFileSync, statSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const sharp = require('sharp');

export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const join = (lines) => lines.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ').trim();
/** split text into blank-line separated blocks, keeping raw lines */
export const blocks = (text) => text.split(/\n\s*\n/).map((b) => b.replace(/^\n+|\n+$/g, '')).filter((b) => b.trim());

const page = (d, extra) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${d.name}</title>
<style>html,body{background:#fff;color:#000} body{margin:0} ${extra} ${d.css}</style></head><body>${d.body}</body></html>`;

/** visible text in reading order: one line per heading/paragraph/list item/table row/pre line */
function extractLines() {
  const out = [];
  const walk = (el) => {
    for (const c of el.children) {
      const tag = c.tagName;
      if (/^(H[1-6]|P|LI)$/.test(tag)) out.push(c.innerText.replace(/\s+/g, ' ').trim());
      else if (tag === 'TR') out.push([...c.children].map((td) => td.innerText.replace(/\s+/g, ' ').trim()).join('\t'));
      else if (tag === 'PRE') out.push(...c.innerText.split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim()));
      else walk(c);
    }
  };
  walk(document.body);
  return out.filter((l) => l.trim());
}

/**
 * Renders each document into `HERE` with its ground truth; `--html` on the command line also
 * writes each page's HTML to /tmp, to look at.
 */
export async function renderDocs(docs, HERE) {
  if (process.argv.includes('--html')) for (const d of docs) writeFileSync(`/tmp/${d.name}.html`, page(d, d.kind === 'png' ? 'body{padding:56px 64px}' : ''));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    for (const d of docs) {
      for (const f of readdirSync(HERE)) if (f.startsWith(d.name + '_p') && f.endsWith('.gt.txt')) rmSync(path.join(HERE, f));
      if (d.kind === 'pdf') {
        const p = await browser.newPage();
        await p.setContent(page(d, ''), { waitUntil: 'load' });
        const file = path.join(HERE, d.name + '.pdf');
        await p.pdf({ path: file, format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '20mm', right: '20mm' } });
        await p.close();
        const n = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
        for (let i = 1; i <= n; i++) {
          execFileSync('pdftotext', ['-f', String(i), '-l', String(i), file, path.join(HERE, `${d.name}_p${i}.gt.txt`)]);
        }
        console.log(`${d.name}.pdf pages=${n} size=${statSync(file).size}`);
      } else {
        const ctx = await browser.newContext({ viewport: { width: 850, height: 1100 }, deviceScaleFactor: 2 });
        const p = await ctx.newPage();
        await p.setContent(page(d, 'body{padding:56px 64px}'), { waitUntil: 'load' });
        const h = await p.evaluate(() => {
          const r = [...document.body.querySelectorAll('*')].reduce((m, e) => Math.max(m, e.getBoundingClientRect().bottom), 0);
          return Math.ceil(r + 40);
        });
        if (h > 1100) throw new Error(`${d.name}: content is ${h}px tall, over one 1100px page; cut it`);
        const raw = await p.screenshot({ type: 'png' });
        const file = path.join(HERE, d.name + '.png');
        await sharp(raw).grayscale().png({ compressionLevel: 9, palette: true, colours: 16 }).toFile(file);
        const lines = await p.evaluate(extractLines);
        writeFileSync(path.join(HERE, `${d.name}_p1.gt.txt`), lines.join('\n') + '\n');
        await ctx.close();
        console.log(`${d.name}.png height=${h}css size=${statSync(file).size}`);
      }
    }
  } finally {
    await browser.close();
  }
}
