// Makes the b4 chat evaluation documents in bench/chat-docs/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext (poppler-utils), man (gzip man page), python3.11 stdlib,
// and node_modules (playwright-core, sharp).
//
// Sources:
//   heapq    /usr/lib/python3.11/heapq.py (module docstring, author comment, __about__ essay) -> PDF
//   apache   /usr/share/common-licenses/Apache-2.0 (terms and conditions, sections 1-9)     -> PDF
//   gzip     `man gzip` (NAME, SYNOPSIS, DESCRIPTION, OPTIONS, BUGS)           -> PDF
//   json5    node_modules/json5/README.md (intro, features, license, credits), two columns  -> PNG
//   packages node_modules/<pkg>/package.json (name, version, license, author, description) -> PNG
//   basefaq  /usr/share/doc/base-files/README (FAQ about base-files)                       -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from './render.mjs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const NM = path.join(ROOT, 'node_modules');
mkdirSync(HERE, { recursive: true });


// ---------------------------------------------------------------- heapq (narrative, PDF)
function heapqDoc() {
  const src = readFileSync('/usr/lib/python3.11/heapq.py', 'utf8');
  const m = src.match(/^"""([\s\S]*?)"""/);
  const doc = m[1];
  const credit = src.match(/^# (Original code by .*)$/m)[1];
  const about = src.match(/^__about__ = """([\s\S]*?)"""/m)[1];
  let h = '';
  const dbs = blocks(doc);
  h += `<h1>${esc(dbs[0].trim())}</h1>\n<p class="by">${esc(credit)}</p>\n`;
  for (const b of dbs.slice(1)) {
    if (/^heap = \[\]/.test(b)) h += `<pre>${esc(b)}</pre>\n`;
    else if (/^- /.test(b)) h += `<ul><li>${esc(join(b.replace(/^- /, '').split('\n')))}</li></ul>\n`;
    else h += `<p>${esc(join(b.split('\n')))}</p>\n`;
  }
  const abs = blocks(about);
  h += `<h2>${esc(abs[0].trim())}</h2>\n`;
  let tree = [];
  const flushTree = () => { if (tree.length) { h += `<pre class="tree">${esc(tree.join('\n\n'))}</pre>\n`; tree = []; } };
  for (const b of abs.slice(1)) {
    if (/^\s{4,}\d/.test(b)) { tree.push(b); continue; }
    flushTree();
    if (/^-{5,}/.test(b)) {
      h += '<hr>\n';
      h += `<p class="note">${esc(join(b.split('\n').slice(1)))}</p>\n`;
    } else if (/^\[explanation/.test(b)) h += `<p class="by">${esc(b.trim())}</p>\n`;
    else h += `<p>${esc(join(b.split('\n')))}</p>\n`;
  }
  return {
    name: 'heapq_essay', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:12pt;line-height:1.4}
      h1{font-size:17pt} h2{font-size:14pt;margin-top:1.4em} .by{font-style:italic}
      pre{font-size:9.5pt;line-height:1.25;break-inside:avoid} .note{font-size:10.5pt}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Apache-2.0 (legal, PDF)
function apacheDoc() {
  const src = readFileSync('/usr/share/common-licenses/Apache-2.0', 'utf8');
  const terms = src.split(/^\s*END OF TERMS AND CONDITIONS/m)[0];
  const bs = blocks(terms);
  let h = '';
  const head = bs[0].split('\n').map((l) => l.trim()).filter(Boolean);
  h += `<h1>${esc(head[0])}</h1>\n<p class="c">${esc(head[1])}</p>\n<p class="c">${esc(head[2])}</p>\n`;
  for (const b of bs.slice(1)) {
    const t = join(b.split('\n'));
    if (/^TERMS AND CONDITIONS/.test(t)) h += `<h2>${esc(t)}</h2>\n`;
    else if (/^\d+\. /.test(t)) {
      const mm = t.match(/^(\d+\. [^.]+\.)\s*(.*)$/);
      h += mm[2] ? `<p class="sec"><b>${esc(mm[1])}</b> ${esc(mm[2])}</p>\n` : `<h3>${esc(mm[1])}</h3>\n`;
    } else if (/^\([a-z]\) /.test(t)) h += `<p class="item">${esc(t)}</p>\n`;
    else h += `<p class="ind">${esc(t)}</p>\n`;
  }
  h += `<p class="c"><b>END OF TERMS AND CONDITIONS</b></p>\n`;
  return {
    name: 'apache_license', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11pt;line-height:1.3;text-align:justify}
      h1{font-size:16pt;text-align:center;margin-bottom:2px} .c{text-align:center;margin:2px 0}
      h2{font-size:11.5pt;text-align:center;margin-top:1.2em} h3{font-size:11pt;margin:.8em 0 .3em}
      .ind{margin-left:1.5em} .item{margin-left:3em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- gzip man page (technical, PDF)
function gzipDoc() {
  const out = execFileSync('man', ['--nh', '--nj', '-P', 'cat', 'gzip'], {
    env: { ...process.env, MANWIDTH: '3000', LANG: 'C.UTF-8' }, encoding: 'utf8',
  });
  const lines = out.split('\n');
  const keep = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'BUGS']);
  let sec = null;
  let h = '<h1>GZIP(1) — General Commands Manual</h1>\n';
  let pre = [];
  const flush = () => { if (pre.length) { h += `<pre>${esc(pre.join('\n'))}</pre>\n`; pre = []; } };
  for (const raw of lines.slice(1)) {
    const l = raw.replace(/\s+$/, '');
    if (!l.trim()) continue;
    if (/^\S/.test(l)) { flush(); sec = l.trim(); if (keep.has(sec)) h += `<h2>${esc(sec)}</h2>\n`; continue; }
    if (!keep.has(sec)) continue;
    const ind = l.match(/^ */)[0].length;
    const t = l.trim().replace(/\s+/g, ' ');
    if (sec === 'SYNOPSIS' || ind >= 15) { pre.push(l.slice(Math.min(ind, 7))); continue; }
    flush();
    if (sec === 'OPTIONS' && ind === 7) h += `<p class="opt">${esc(t)}</p>\n`;
    else if (ind >= 14) h += `<p class="dd">${esc(t)}</p>\n`;
    else h += `<p>${esc(t)}</p>\n`;
  }
  flush();
  return {
    name: 'gzip_manual', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.25}
      h1{font-size:14pt} h2{font-size:11.5pt;margin:.9em 0 .25em} p{margin:.25em 0}
      .opt{font-weight:bold;margin-top:.55em} .dd{margin-left:2.5em}
      pre{font-size:9.5pt;margin:.3em 0 .3em 2.5em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- markdown helper
function mdInline(s) {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(>])_([^_]+)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`/g, '')
    .replace(/\s*\u{1F642}/gu, '')
    .replace(/\s+/g, ' ').trim();
}
/** markdown -> list of {tag, text} blocks (headings, paragraphs, list items); code and link defs dropped */
function mdBlocks(md) {
  const out = [];
  let para = null; let inCode = false; let prevDef = false;
  const end = () => {
    if (para && !/^\[!\[/.test(para.lines[0])) out.push({ tag: para.tag, text: mdInline(para.lines.join(' ')) }); // badges dropped
    para = null;
  };
  for (const line of md.split('\n')) {
    if (/^```/.test(line)) { end(); inCode = !inCode; continue; }
    if (inCode) continue;
    if (/^\[[^\]]+\]:/.test(line)) { end(); prevDef = !/\S\s*$/.test(line.replace(/^\[[^\]]+\]:/, '')); continue; }
    if (prevDef && /^https?:\/\//.test(line)) { prevDef = false; continue; }
    prevDef = false;
    if (!line.trim()) { end(); continue; }
    const hm = line.match(/^(#{1,4}) (.*)$/);
    if (hm) { end(); out.push({ tag: 'h' + hm[1].length, text: mdInline(hm[2]) }); continue; }
    const li = line.match(/^- (.*)$/);
    if (li) { end(); para = { tag: 'li', lines: [li[1]] }; continue; }
    if (!para) para = { tag: 'p', lines: [] };
    para.lines.push(line.trim());
  }
  end();
  return out.filter((b) => b.text);
}
function blocksHtml(bs) {
  let h = ''; let inList = false;
  for (const b of bs) {
    if (b.tag === 'li' && !inList) { h += '<ul>\n'; inList = true; }
    if (b.tag !== 'li' && inList) { h += '</ul>\n'; inList = false; }
    h += `<${b.tag}>${esc(b.text)}</${b.tag}>\n`;
  }
  if (inList) h += '</ul>\n';
  return h;
}

// ---------------------------------------------------------------- JSON5 README (two columns, PNG)
function json5Doc() {
  const md = readFileSync(path.join(NM, 'json5/README.md'), 'utf8');
  const bs = mdBlocks(md);
  const sectionOf = (title) => {
    const i = bs.findIndex((b) => b.tag === 'h2' && b.text === title);
    let j = i + 1; while (j < bs.length && bs[j].tag !== 'h2') j++;
    return bs.slice(i, j);
  };
  const firstH2 = bs.findIndex((b) => b.tag === 'h2');
  const chosen = [...bs.slice(0, firstH2), ...sectionOf('Summary of Features'), ...sectionOf('License'), ...sectionOf('Credits')];
  return {
    name: 'json5_readme', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.3}
      .cols{column-count:2;column-gap:34px} h1{font-size:17pt;column-span:all;margin:0 0 10px}
      h2{font-size:13pt;margin:.7em 0 .25em} h3{font-size:11pt;margin:.5em 0 .15em}
      p{margin:.3em 0 .45em} ul{margin:.15em 0;padding-left:1.2em} li{margin:.1em 0}`,
    body: `<div class="cols">${blocksHtml(chosen)}</div>`,
  };
}

// ---------------------------------------------------------------- package.json table (PNG)
function packagesDoc() {
  const pkgs = ['papaparse', 'dexie', 'marked', 'minisearch', 'json5', 'semver', 'fflate', 'html2canvas',
    'idb', 'franc-min', 'fast-png', 'docx', 'loglevel', 'debug'];
  const name = (a) => (typeof a === 'string' ? a : a?.name || '').replace(/\s*[<(].*$/, '').trim();
  const rows = pkgs.map((p) => {
    const j = JSON.parse(readFileSync(path.join(NM, p, 'package.json'), 'utf8'));
    return [j.name, j.version, j.license, name(j.author), j.description];
  });
  let h = '<h1>Package metadata (package.json)</h1>\n<table>\n';
  h += '<tr><th>Package</th><th>Version</th><th>License</th><th>Author</th><th>Description</th></tr>\n';
  for (const r of rows) h += `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>\n`;
  h += '</table>\n';
  return {
    name: 'package_table', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:11pt;line-height:1.3}
      h1{font-size:16pt;margin:0 0 14px} table{border-collapse:collapse;width:100%}
      th,td{border:1px solid #000;padding:5px 7px;text-align:left;vertical-align:top}
      th{font-weight:bold}`,
    body: h,
  };
}

// ---------------------------------------------------------------- base-files FAQ (PNG)
function basefaqDoc() {
  const src = readFileSync('/usr/share/doc/base-files/README', 'utf8');
  // one page only: cut the text before its last question (the one about FHS compliance) and the signature
  const bs = blocks(src.split(/^Q\. I upgraded from woody/m)[0]);
  let h = '';
  for (const b of bs) {
    const ls = b.split('\n');
    if (/^=+$/.test(ls[1] || '')) { h += `<h1>${esc(ls[0].trim())}</h1>\n`; continue; }
    if (/^\* /.test(b)) { h += `<h2>${esc(join(ls).replace(/^\* /, ''))}</h2>\n`; continue; }
    if (ls.every((l) => /^\s{2}\S/.test(l))) { h += `<pre>${esc(ls.map((l) => l.trim().replace(/\s+/g, ' ')).join('\n'))}</pre>\n`; continue; }
    const t = join(ls);
    if (/^Q\. /.test(t)) h += `<p class="q"><b>Q.</b> ${esc(t.slice(3))}</p>\n`;
    else if (/^A\. /.test(t)) h += `<p class="a"><b>A.</b> ${esc(t.slice(3))}</p>\n`;
    else h += `<p>${esc(t)}</p>\n`;
  }
  return {
    name: 'basefiles_faq', kind: 'png',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11pt;line-height:1.22}
      h1{font-size:15pt;margin:0 0 6px} h2{font-size:12pt;margin:.6em 0 .2em}
      p{margin:.22em 0;text-align:justify} .q{margin-top:.5em} pre{font-size:9pt;margin:.2em 0 .2em 1.5em;line-height:1.2}`,
    body: h,
  };
}

const docs = [heapqDoc(), apacheDoc(), gzipDoc(), json5Doc(), packagesDoc(), basefaqDoc()];
await renderDocs(docs, HERE);
