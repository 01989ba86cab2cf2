// Makes the b9 chat evaluation documents in bench/chat-docs-b9/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs-b9/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext/pdfinfo (poppler-utils), zlib1g-dev's, man-db's, zstd's and
// nodejs's docs, numpy in the pyenv python 3.11.7 site-packages, the stable Rust toolchain's
// docs (The Rust Programming Language, HTML), and node_modules (playwright-core, sharp).
// Adapted from bench/chat-docs-b8/make-docs.mjs (same rendering and ground-truth rules, shared
// through bench/chat-docs/render.mjs), new sources, mostly prose:
//
//   zlibalgo  /usr/share/doc/zlib1g-dev/algorithm.txt.gz (whole text: "1. Compression
//             algorithm (deflate)", "2. Decompression algorithm (inflate)" with its worked
//             example code tables, the authors and the references; explanatory article)
//             under an added title                                                  -> PDF
//   maskedarr /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/numpy/ma/README.rst
//             ("A guide to masked arrays in NumPy": history, main differences, new features,
//             compatibility, matplotlib, masked records, the filling benchmark, thanks and
//             revision notes; reST reduced to HTML, literal and doctest blocks in monospace,
//             one source line that holds two bullets split in two)                   -> PDF
//   rustrel   ~/.rustup/toolchains/stable-*/share/doc/rust/html/book/appendix-07-nightly-rust.html
//             (The Rust Programming Language, Appendix G "How Rust is Made and 'Nightly
//             Rust'": the whole <main> text, links and heading anchors reduced to text)  -> PDF
//   mandb     /usr/share/doc/man-db/FAQ (whole text: why use man-db instead of man; a
//             comparison essay) under the title "man-db — Frequently Asked Questions"  -> PNG
//   nodeprio  /usr/share/doc/nodejs/contributing/technical-priorities.md (Node.js's
//             "Technical Priorities": the introduction full width, then the priority sections
//             from "Modern HTTP" to PRIO_LAST, "Serverless", in two columns)       -> PNG
//   zstd      /usr/share/doc/zstd/README.md.gz (title, the introduction, "Benchmarks" with its
//             table of compressors, "The case for Small Data compression" and "Dictionary
//             compression How To"; logo, badges and image-only tables left out, stopped
//             before "Build instructions")                                            -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from '../chat-docs/render.mjs';
import { gunzipSync } from 'node:zlib';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(HERE, { recursive: true });
const PY = '/root/.pyenv/versions/3.11.7/lib/python3.11';
const RUSTDOC = `${homedir()}/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html`;
const gz = (f) => gunzipSync(readFileSync(f)).toString('utf8');
const mdLinks = (s) => s.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');

// ---------------------------------------------------------------- zlib algorithm.txt (explanatory article, PDF)
function zlibalgoDoc() {
  const src = gz('/usr/share/doc/zlib1g-dev/algorithm.txt.gz');
  const inline = (s) => esc(s)
    .replace(/``([^`']+)''/g, '“$1”')
    .replace(/`([^`']+)'/g, '‘$1’')
    .replace(/\b_([a-z]+)_\b/g, '<em>$1</em>');
  let h = '<h1>How zlib Compresses and Decompresses: deflate and inflate</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (ls.length === 1 && /^\d\. /.test(ls[0])) { h += `<h2>${inline(ls[0].trim())}</h2>\n`; continue; }
    if (ls.length === 1 && /^\d\.\d /.test(ls[0])) { h += `<h3>${inline(ls[0].trim())}</h3>\n`; continue; }
    if (ls.every((l) => /^([A-J]|[01]+): /.test(l))) { h += `<pre>${esc(ls.join('\n'))}</pre>\n`; continue; }
    if (/^Jean-loup Gailly/.test(ls[0])) {
      const [n, e] = ls.map((l) => l.trim().split(/\s{2,}/));
      h += `<table class="sig"><tr>${n.map((x, i) => `<td>${esc(x)}<br>${esc(e[i])}</td>`).join('')}</tr></table>\n`;
      continue;
    }
    if (ls.length === 1 && /:$/.test(ls[0]) && /^References/.test(ls[0])) { h += `<h2>${inline(ls[0].trim())}</h2>\n`; continue; }
    h += `<p${/^\[LZ77\]|^``DEFLATE/.test(ls[0]) ? ' class="ref"' : ''}>${inline(join(ls))}</p>\n`;
  }
  return {
    name: 'zlib_algorithm', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:10pt;line-height:1.3;text-align:justify}
      h1{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:16pt;margin:0 0 .7em}
      h2{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:13pt;margin:1.2em 0 .4em}
      h3{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:11pt;margin:.9em 0 .3em}
      p{margin:.25em 0 .55em} pre{font-family:"DejaVu Sans Mono",monospace;font-size:9pt;margin:.3em 0 .6em 2.5em;line-height:1.25}
      .sig{margin:1em 0;border-collapse:collapse} .sig td{padding:0 3em 0 0;vertical-align:top;font-style:italic}
      .ref{margin-left:1.5em;text-align:left} h2,h3{break-after:avoid} pre{break-inside:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- numpy masked arrays guide (history and design rationale, PDF)
function maskedarrDoc() {
  const src = readFileSync(`${PY}/site-packages/numpy/ma/README.rst`, 'utf8');
  const inline = (s) => esc(s)
    .replace(/`([^`<]+?)\s*&lt;[^`]*&gt;`__?/g, '$1')
    .replace(/``([^`]+)``/g, '<code>$1</code>')
    .replace(/\*([^*\s][^*]*?)\*/g, '<em>$1</em>');
  let h = ''; let literal = false;
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (literal || /^>>> /.test(ls[0])) {
      // a literal block after "::" (indented) or a doctest block
      const ind = Math.min(...ls.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
      h += `<pre>${esc(ls.map((l) => l.slice(ind)).join('\n'))}</pre>\n`;
      literal = false;
      continue;
    }
    if (/^=+$/.test(ls[0].trim()) && ls.length === 3) { h += `<h1>${inline(ls[1].trim())}</h1>\n`; continue; }
    if (/^\.\. /.test(ls[0])) continue; // the contents directive
    if (/^-+$/.test((ls[1] || '').trim()) && ls.length === 2) { h += `<h2>${inline(ls[0].trim())}</h2>\n`; continue; }
    if (/^\s*\* /.test(ls[0])) {
      const items = [];
      for (const l of ls) {
        if (/^\s*\* /.test(l)) items.push(l.replace(/^\s*\* /, ''));
        else items[items.length - 1] += ' ' + l.trim();
      }
      // one source line holds two bullets ("... when needed.  * if a is ...")
      const split = items.flatMap((it) => it.split(/\s{2}\* /));
      h += `<ul>${split.map((it) => `<li>${inline(it.replace(/\s+/g, ' ').trim())}</li>`).join('')}</ul>\n`;
      continue;
    }
    let t = join(ls);
    if (/::$/.test(t)) { literal = true; t = t.replace(/\s*::$/, /\s::$/.test(t) ? '' : ':'); }
    h += `<p>${inline(t)}</p>\n`;
  }
  return {
    name: 'masked_arrays', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:9.6pt;line-height:1.3;text-align:justify}
      h1{font-size:17pt;margin:0 0 .6em;text-align:center} h2{font-family:"DejaVu Sans",sans-serif;font-size:12pt;margin:1em 0 .3em}
      p{margin:.2em 0 .5em} ul{margin:.2em 0 .5em;padding-left:1.6em} li{margin:.1em 0}
      pre{font-family:"DejaVu Sans Mono",monospace;font-size:8pt;line-height:1.2;margin:.3em 0 .6em 1.5em;background:#f3f3f3;padding:.3em .5em}
      code{font-family:"DejaVu Sans Mono",monospace;font-size:92%} h2{break-after:avoid} pre{break-inside:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Rust book appendix G (how Rust is made, PDF)
function rustrelDoc() {
  const src = readFileSync(`${RUSTDOC}/book/appendix-07-nightly-rust.html`, 'utf8');
  let h = src.match(/<main>([\s\S]*?)<\/main>/)[1]
    .replace(/<a class="header" href="[^"]*">([\s\S]*?)<\/a>/g, '$1')
    .replace(/<a href="[^"]*">([\s\S]*?)<\/a>/g, '$1')
    .replace(/ id="[^"]*"/g, '')
    .replace(/<code class="[^"]*">/g, '<code>')
    .replace(/<(\/?)h3>/g, '<$1h2x>').replace(/<(\/?)h2>/g, '<$1h1>').replace(/<(\/?)h2x>/g, '<$1h2>')
    .trim();
  return {
    name: 'rust_release', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.4}
      h1{font-size:16pt;margin:0 0 .6em} h2{font-size:12.5pt;margin:1.1em 0 .35em}
      p{margin:.25em 0 .55em} ul{margin:.2em 0 .5em} li{margin:0}
      pre{font-family:"DejaVu Sans Mono",monospace;font-size:8.8pt;line-height:1.2;margin:.3em 0 .6em 1.5em;border-left:3px solid #888;padding:.2em .6em}
      code{font-family:"DejaVu Sans Mono",monospace;font-size:92%} h2{break-after:avoid} pre{break-inside:avoid}`,
    body: h,
  };
}

// ---------------------------------------------------------------- man-db FAQ (comparison essay, PNG)
function mandbDoc() {
  const src = readFileSync('/usr/share/doc/man-db/FAQ', 'utf8');
  let h = '<h1>man-db — Frequently Asked Questions</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^-+$/.test((ls[1] || '').trim())) continue; // the file's own title, replaced above
    if (/^=+$/.test((ls[1] || '').trim())) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; continue; }
    if (/^ {2}\* /.test(ls[0]) && ls.length === 1) { h += `<h3>${esc(ls[0].replace(/^\s*\* /, '').trim())}</h3>\n`; continue; }
    h += `<p${/^ {4}\S/.test(ls[0]) ? ' class="in"' : ''}>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'mandb_faq', kind: 'png',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:10.5pt;line-height:1.4}
      h1{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:19pt;margin:0 0 14px}
      h2{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:13pt;margin:10px 0 8px}
      h3{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:11pt;margin:14px 0 4px 1.2em}
      p{margin:0 0 9px;text-align:justify} .in{margin-left:2.4em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Node.js technical priorities (report, two columns, PNG)
const PRIO_LAST = 'Serverless'; // the last section that still fits the page
function nodeprioDoc() {
  const src = readFileSync('/usr/share/doc/nodejs/contributing/technical-priorities.md', 'utf8');
  const md = (s) => esc(mdLinks(s)).replace(/`([^`]+)`/g, '<code>$1</code>');
  let h = ''; let inCols = false; let last = false;
  for (const b of blocks(src)) {
    const ls = b.split('\n').filter((l) => !/^\[[^\]]+\]: /.test(l));
    if (!ls.length) continue;
    let m = ls[0].match(/^# (.*)$/);
    if (m) { h += `<h1>${md(m[1])}</h1>\n`; continue; }
    m = ls[0].match(/^## (.*)$/);
    if (m) {
      if (last) break;
      if (!inCols) { h += '<div class="cols">\n'; inCols = true; }
      h += `<h2>${md(m[1])}</h2>\n`;
      if (m[1] === PRIO_LAST) last = true;
      continue;
    }
    if (/^_.*_$/.test(b.trim())) { h += `<p class="present">${md(b.trim().slice(1, -1))}</p>\n`; continue; }
    h += `<p>${md(join(ls))}</p>\n`;
  }
  if (inCols) h += '</div>\n';
  return {
    name: 'node_priorities', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:8.4pt;line-height:1.26}
      h1{font-size:18pt;margin:0 0 6px} h2{font-size:10.5pt;margin:8px 0 2px;break-after:avoid}
      p{margin:0 0 5px;text-align:justify} .present{font-style:italic;margin:0 0 3px;color:#333}
      .cols{column-count:2;column-gap:30px;margin-top:10px;border-top:1px solid #000;padding-top:4px}
      h2:first-child{margin-top:4px} code{font-family:"DejaVu Sans Mono",monospace;font-size:95%}`,
    body: h,
  };
}

// ---------------------------------------------------------------- zstd README (report with a benchmark table, PNG)
function zstdDoc() {
  const src = gz('/usr/share/doc/zstd/README.md.gz');
  const md = (s) => esc(mdLinks(s).replace(/\[([^\]]+)\]/g, '$1').trim())
    .replace(/__([^_]+)__/g, '<b>$1</b>').replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\b_([^_]+)_\b/g, '<em>$1</em>').replace(/`([^`]+)`/g, '<code>$1</code>');
  let h = '<h1>Zstandard</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n').filter((l) => !/^\[[^\]]+\]: /.test(l));
    if (!ls.length) continue;
    if (/^## Build instructions/.test(ls[0])) break;
    if (/^<p /.test(ls[0]) || /^\*\*Development branch status/.test(ls[0]) || /^\[!\[/.test(ls[0])) continue;
    let m = ls[0].match(/^(##+) (.*)$/);
    if (m) { h += `<h${m[1].length}>${md(m[2])}</h${m[1].length}>\n`; continue; }
    if (/\|/.test(ls[0]) && /^[\s|:-]+$/.test(ls[1] || '')) {
      if (ls.slice(2).every((l) => /!\[/.test(l))) continue; // image-only tables
      const cells = (l) => l.replace(/^\||\|$/g, '').split('|').map((c) => md(c));
      h += `<table>\n<tr>${cells(ls[0]).map((c) => `<th>${c}</th>`).join('')}</tr>\n`;
      for (const l of ls.slice(2)) h += `<tr>${cells(l).map((c, i) => `<td${i ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>\n`;
      h += '</table>\n';
      continue;
    }
    if (/^\d\. /.test(ls[0])) { h += `<p class="step">${md(join(ls))}</p>\n`; continue; }
    if (/^ {3}`/.test(ls[0])) { h += `<p class="cmd">${md(join(ls))}</p>\n`; continue; }
    h += `<p>${md(join(ls))}</p>\n`;
  }
  return {
    name: 'zstd_readme', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:8.3pt;line-height:1.25}
      h1{font-size:20pt;margin:0 0 6px} h2{font-size:12pt;margin:12px 0 4px;border-bottom:1px solid #000}
      h3{font-size:10pt;margin:10px 0 3px} p{margin:0 0 5px;text-align:justify}
      table{border-collapse:collapse;margin:6px auto 8px} th,td{border:1px solid #000;padding:1px 9px;text-align:left}
      td.n{text-align:right} th{background:#ddd} tr:nth-child(even) td{background:#f2f2f2}
      .step{margin:6px 0 2px 1em} .cmd{margin:0 0 4px 2.6em}
      code{font-family:"DejaVu Sans Mono",monospace;font-size:95%}`,
    body: h,
  };
}

const docs = [zlibalgoDoc(), maskedarrDoc(), rustrelDoc(), mandbDoc(), nodeprioDoc(), zstdDoc()];
await renderDocs(docs, HERE);
