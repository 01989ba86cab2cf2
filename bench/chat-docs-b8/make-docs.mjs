// Makes the b8 chat evaluation documents in bench/chat-docs-b8/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs-b8/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext/pdfinfo (poppler-utils), libjpeg-dev's docs, the pyenv
// python 3.11.7 stdlib (email and idlelib), procps's and base-passwd's docs, and node_modules
// (playwright-core, sharp, fflate's README). Adapted from bench/chat-docs-b7/make-docs.mjs (same
// rendering and ground-truth rules, shared through bench/chat-docs/render.mjs), new sources,
// mostly prose this time:
//
//   jpeg      /usr/share/doc/libjpeg-dev/README.ijg.gz (the libjpeg-turbo note, the title
//             paragraphs, OVERVIEW, LEGAL ISSUES, REFERENCES, ARCHIVE LOCATIONS and FILE FORMAT
//             COMPATIBILITY; DOCUMENTATION ROADMAP and TO DO left out)               -> PDF
//   emailarch /root/.pyenv/versions/3.11.7/lib/python3.11/email/architecture.rst (whole text,
//             reST roles reduced to their text; design document)                     -> PDF
//   idlehist  /root/.pyenv/versions/3.11.7/lib/python3.11/idlelib/HISTORY.txt (whole text:
//             IDLE release notes from IDLEfork 0.8.1 back to IDLE 0.1)               -> PDF
//   procps    /usr/share/doc/procps/FAQ.gz (whole text; questions and answers)        -> PNG
//   debusers  /usr/share/doc/base-passwd/users-and-groups.txt.gz (title, authors, the
//             Introduction, and Chapter 2's entries from "root" to USERS_LAST), term and
//             definition entries in two columns                                      -> PNG
//   fflate    node_modules/fflate/README.md (tagline, "Why fflate?" with its comparison table,
//             "Bundle size estimates" with its table, "What makes fflate so fast?"; the
//             table's check and cross marks written as Yes / No)                     -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from '../chat-docs/render.mjs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(HERE, { recursive: true });
const PY = '/root/.pyenv/versions/3.11.7/lib/python3.11';

// ---------------------------------------------------------------- IJG JPEG README (explanatory article, PDF)
function jpegDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/libjpeg-dev/README.ijg.gz')).toString('utf8');
  const skip = new Set(['DOCUMENTATION ROADMAP', 'TO DO']);
  let h = ''; let sec = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^=+$/.test((ls[1] || '').trim())) {
      sec = ls[0].trim();
      if (skip.has(sec)) continue;
      if (/^[A-Z ]+$/.test(sec)) h += `<h2>${esc(sec.charAt(0) + sec.slice(1).toLowerCase())}</h2>\n`;
      else h += `<h1>${esc(sec)}</h1>\n`;
      continue;
    }
    if (skip.has(sec)) continue;
    if (/^libjpeg-turbo note:/.test(ls[0])) { h += `<p class="note">${esc(join(ls))}</p>\n`; continue; }
    // numbered lists: "1. ..." or "(1) ..." items, after an optional lead
    const itemRe = /^(\d\. |\(\d\) )/;
    if (ls.some((l) => itemRe.test(l))) {
      const lead = []; const items = [];
      for (const l of ls) {
        if (itemRe.test(l)) items.push([l]);
        else if (items.length) items[items.length - 1].push(l);
        else lead.push(l);
      }
      if (lead.length) h += `<p>${esc(join(lead))}</p>\n`;
      h += items.map((it) => `<p class="item">${esc(join(it))}</p>\n`).join('');
      continue;
    }
    if (ls.length === 1 && /:$/.test(ls[0].trim())) { h += `<p class="lead">${esc(ls[0].trim())}</p>\n`; continue; }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'jpeg_readme', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:10pt;line-height:1.3;text-align:justify}
      h1{font-size:17pt;margin:.6em 0 .5em;text-align:center} h2{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:12.5pt;margin:1.1em 0 .35em}
      p{margin:.25em 0 .5em} .note{font-style:italic;font-size:10pt;border:1px solid #000;padding:.4em .6em}
      .item{margin-left:2.2em;text-indent:-1.6em} .lead{margin-bottom:.2em;font-weight:bold}
      h1,h2{break-after:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- email package architecture (design document, PDF)
function emailarchDoc() {
  const src = readFileSync(`${PY}/email/architecture.rst`, 'utf8');
  // reST inline markup to plain text; code-like names in <code>
  const inline = (s) => esc(s)
    .replace(/:rfc:`+(\d+)`+/g, 'RFC $1')
    .replace(/:(?:mod|class|meth):`~?([\w.]+)`/g, (m, n) => `<code>${n.split('.').pop()}</code>`)
    .replace(/``([^`]+)``/g, '<code>$1</code>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
  let h = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^=+$/.test((ls[1] || '').trim())) { h += `<h1>${inline(ls[0].trim())}</h1>\n`; continue; }
    if (/^-+$/.test((ls[1] || '').trim())) { h += `<h2>${inline(ls[0].trim())}</h2>\n`; continue; }
    const ind = (l) => l.match(/^ */)[0].length;
    // a definition: a term line, then its text indented deeper
    if (ls.length > 1 && ind(ls[1]) > ind(ls[0]) && ls[0].trim().split(/\s+/).length <= 2) {
      h += `<p class="term">${inline(ls[0].trim())}</p>\n<p class="def">${inline(join(ls.slice(1)))}</p>\n`;
      continue;
    }
    h += `<p${ind(ls[0]) >= 4 ? ' class="def"' : ''}>${inline(join(ls))}</p>\n`;
  }
  return {
    name: 'email_design', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.32}
      h1{font-size:17pt;margin:0 0 .6em} h2{font-size:12.5pt;margin:1.1em 0 .35em;border-bottom:1px solid #000}
      p{margin:.25em 0 .5em} .term{font-weight:bold;margin:.45em 0 .1em 1.2em} .def{margin:0 0 .45em 3em}
      code{font-family:"DejaVu Sans Mono",monospace;font-size:95%}
      h2,.term{break-after:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- IDLE history (release notes, PDF)
function idlehistDoc() {
  const src = readFileSync(`${PY}/idlelib/HISTORY.txt`, 'utf8');
  let h = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^=+$/.test(ls[0].trim())) continue; // the closing rule
    if (/^=+$/.test((ls[1] || '').trim()) && !/^What's New/.test(ls[0])) { h += `<h1>${esc(ls[0].trim())}</h1>\n`; continue; }
    if (/^[=-]+$/.test((ls[1] || '').trim())) {
      h += `<h2>${esc(ls[0].trim())}</h2>\n`;
      if (ls.length > 2) h += `<p>${esc(join(ls.slice(2)))}</p>\n`;
      continue;
    }
    if (/^\*.*\*$/.test(b.trim())) { h += `<p class="date">${esc(b.trim().replace(/^\*|\*$/g, ''))}</p>\n`; continue; }
    if (/^[A-Z]+$/.test(b.trim())) { h += `<h3>${esc(b.trim())}</h3>\n`; continue; }
    if (ls.length === 1 && /^\S.*:$/.test(ls[0]) && !/^- /.test(ls[0])) { h += `<h3>${esc(ls[0].trim())}</h3>\n`; continue; }
    if (/^\s+\S+\s{2,}\S/.test(ls[0]) && ls.every((l) => /^\s+\S+\s{2,}\S/.test(l)) && !/^\s+-/.test(ls[0])) {
      // "  name.py     what it is" module lists
      h += ls.map((l) => { const m = l.trim().match(/^(\S+)\s{2,}(.*)$/); return `<p class="mod"><code>${esc(m[1])}</code> ${esc(m[2])}</p>\n`; }).join('');
      continue;
    }
    if (/^\s{3,}\S+ +\S+ +</.test(ls[0]) && ls.length === 1) { h += `<p class="by">${esc(ls[0].trim())}</p>\n`; continue; }
    const m = ls[0].match(/^(\s*)- /);
    if (m) {
      h += `<ul class="${m[1].length ? 'l1' : 'l0'}"><li>${esc(join([ls[0].replace(/^\s*- /, ''), ...ls.slice(1)]))}</li></ul>\n`;
      continue;
    }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'idle_history', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:9pt;line-height:1.25;text-align:justify}
      h1{font-size:16pt;margin:0 0 .5em} h2{font-family:"DejaVu Sans",sans-serif;font-size:11.5pt;margin:1em 0 .25em}
      h3{font-family:"DejaVu Sans",sans-serif;font-size:9.8pt;margin:.6em 0 .2em}
      p{margin:.2em 0 .4em} .date{font-style:italic;margin-top:0} .by{font-style:italic}
      ul{margin:.15em 0 .3em;padding-left:1.6em} ul.l1{padding-left:3.2em} li{margin:0}
      .mod{margin:0 0 0 2em} .mod code{font-family:"DejaVu Sans Mono",monospace;margin-right:.6em}
      h2,h3{break-after:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- procps FAQ (questions and answers, PNG)
function procpsDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/procps/FAQ.gz')).toString('utf8');
  let h = '<h1>procps — Frequently Asked Questions</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^\S/.test(ls[0]) && ls.length === 1) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; continue; }
    if (ls.every((l) => /^\t\t/.test(l))) { h += ls.map((l) => `<p class="ex">${esc(l.trim())}</p>\n`).join(''); continue; }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'procps_faq', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:9pt;line-height:1.26}
      h1{font-size:17pt;margin:0 0 8px} h2{font-size:10pt;margin:12px 0 3px}
      p{margin:0 0 5px 1.4em;text-align:justify} .ex{font-family:"DejaVu Sans Mono",monospace;margin-left:3.5em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Debian users and groups (definitions, two columns, PNG)
const USERS_LAST = 'gnats'; // the last entry that still fits the page
function debusersDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/base-passwd/users-and-groups.txt.gz')).toString('utf8');
  const lines = src.split('\n');
  const title = lines[0].trim();
  const authors = lines.slice(1, 8).map((l) => l.trim()).filter(Boolean);
  const ch1 = lines.findIndex((l) => /^Chapter 1\. /.test(l));
  const ch2 = lines.findIndex((l) => /^Chapter 2\. /.test(l));
  const para = (ls) => blocks(ls.filter((l) => !/^\s*_+$/.test(l)).join('\n')).map((b) => join(b.split('\n')));
  const intro = para(lines.slice(ch1 + 1, ch2));
  // chapter 2: 3-space lines open an entry or are a note between entries; 10-space lines are text
  const entries = [];
  for (const b of blocks(lines.slice(ch2 + 1).join('\n'))) {
    const ls = b.split('\n');
    if (/^ {3}\S/.test(ls[0]) && ls.length === 1 && !/\.$/.test(ls[0].trim())) { entries.push({ term: ls[0].trim(), paras: [] }); continue; }
    if (/^ {3}\S/.test(ls[0]) && ls.length > 1 && /^ {10}\S/.test(ls[1])) { entries.push({ term: ls[0].trim(), paras: [join(ls.slice(1))] }); continue; }
    if (/^ {3}\S/.test(ls[0])) { entries.push({ note: join(ls) }); continue; }
    entries[entries.length - 1].paras.push(join(ls));
  }
  const last = entries.findIndex((e) => e.term === USERS_LAST);
  let h = `<h1>${esc(title)}</h1>\n<p class="by">${authors.map(esc).join(' · ')}</p>\n`;
  h += `<h2>${esc(lines[ch1].trim())}</h2>\n` + intro.map((p) => `<p>${esc(p)}</p>\n`).join('');
  h += `<h2>${esc(lines[ch2].trim())}</h2>\n<div class="cols">\n`;
  for (const e of entries.slice(0, last + 1)) {
    if (e.note) { h += `<p class="note">${esc(e.note)}</p>\n`; continue; }
    h += `<p class="kv"><b>${esc(e.term)}</b> ${esc(e.paras[0])}</p>\n`;
    for (const p of e.paras.slice(1)) h += `<p class="more">${esc(p)}</p>\n`;
  }
  h += '</div>\n';
  return {
    name: 'debian_users', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:8.5pt;line-height:1.22}
      h1{font-size:15pt;margin:0 0 2px} .by{margin:0 0 4px;font-style:italic}
      h2{font-size:10.5pt;margin:8px 0 3px} p{margin:.15em 0 .35em;text-align:justify}
      .cols{column-count:2;column-gap:28px;margin-top:6px}
      .kv b{margin-right:.35em} .more{margin-left:1em} .note{font-style:italic;margin:.5em 0}`,
    body: h,
  };
}

// ---------------------------------------------------------------- fflate README (comparison tables and figures, PNG)
function fflateDoc() {
  const src = readFileSync('node_modules/fflate/README.md', 'utf8');
  const md = (s) => esc(s.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*\*/g, '').replace(/`/g, '').trim())
    .replace(/✅/g, 'Yes').replace(/❌/g, 'No');
  const secs = {}; let cur = null;
  for (const l of src.split('\n')) {
    const m = l.match(/^(#+) (.*)$/);
    if (m) { cur = m[2].replace(/`/g, ''); secs[cur] = []; continue; }
    if (cur) secs[cur].push(l);
  }
  const body = (name) => {
    let out = '';
    for (const b of blocks(secs[name].join('\n'))) {
      const ls = b.split('\n');
      if (/^\|/.test(ls[0])) {
        const cells = (l) => l.replace(/^\||\|$/g, '').split('|').map((c) => md(c));
        out += `<table>\n<tr>${cells(ls[0]).map((c) => `<th>${c}</th>`).join('')}</tr>\n`;
        for (const l of ls.slice(2)) out += `<tr>${cells(l).map((c) => `<td>${c}</td>`).join('')}</tr>\n`;
        out += '</table>\n';
        continue;
      }
      out += `<p>${md(join(ls))}</p>\n`;
    }
    return out;
  };
  let h = `<h1>fflate</h1>\n<p class="tag">${md(secs.fflate.join(' '))}</p>\n`;
  for (const s of ['Why fflate?', 'Bundle size estimates', 'What makes fflate so fast?']) h += `<h2>${esc(s)}</h2>\n${body(s)}`;
  return {
    name: 'fflate_readme', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:8.2pt;line-height:1.2}
      h1{font-size:18pt;margin:0} .tag{font-size:10.5pt;font-style:italic;margin:0 0 4px}
      h2{font-size:11pt;margin:9px 0 3px} p{margin:0 0 4px;text-align:justify}
      table{border-collapse:collapse;margin:5px auto 6px} th,td{border:1px solid #000;padding:0 7px;text-align:left}
      th{background:#ddd} tr:nth-child(even) td{background:#f2f2f2}`,
    body: h,
  };
}

const docs = [jpegDoc(), emailarchDoc(), idlehistDoc(), procpsDoc(), debusersDoc(), fflateDoc()];
await renderDocs(docs, HERE);
