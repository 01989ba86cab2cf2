// Makes the b6 chat evaluation documents in bench/chat-docs-b6/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs-b6/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext/pdfinfo (poppler-utils), man (tar man page), the
// python3.11 stdlib sources, distro-info-data, and node_modules (playwright-core, sharp).
// Adapted from bench/chat-docs-b5/make-docs.mjs (same rendering and ground-truth rules, shared
// through bench/chat-docs/render.mjs), new sources:
//
//   xzhistory   /usr/share/doc/xz-utils/history.txt.gz (whole text)                         -> PDF
//   tar         `man tar` (NAME, DESCRIPTION, two OPTIONS subsections, RETURN VALUE, ...)   -> PDF
//   artistic    /usr/share/common-licenses/Artistic (whole text)                            -> PDF
//   debreleases /usr/share/distro-info/debian.csv (all rows, 'series' column left out)     -> PNG
//   pyre        /usr/lib/python3.11/re/__init__.py (header lines + module docstring),
//               key-value lists in two columns                                             -> PNG
//   grepnews    /usr/share/doc/grep/NEWS.Debian.gz (all four dated entries)                 -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from '../chat-docs/render.mjs';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(HERE, { recursive: true });

// ---------------------------------------------------------------- XZ Utils history (narrative, PDF)
function xzhistoryDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/xz-utils/history.txt.gz')).toString('utf8');
  let h = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^=+$/.test((ls[1] || '').trim())) { h += `<h1>${esc(ls[0].trim())}</h1>\n`; continue; }
    if (ls.length === 1 && /^\S/.test(ls[0])) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; continue; }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'xz_history', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11.5pt;line-height:1.4;text-align:justify}
      h1{font-size:17pt;margin:0 0 .6em} h2{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:12.5pt;margin:1.2em 0 .35em}
      p{margin:.3em 0 .55em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- tar man page (technical reference, PDF)
function tarDoc() {
  const out = execFileSync('man', ['--nh', '--nj', '-P', 'cat', 'tar'], {
    env: { ...process.env, MANWIDTH: '3000', LANG: 'C.UTF-8' }, encoding: 'utf8',
  });
  const lines = out.split('\n').map((l) => l.replace(/\s+$/, ''));
  const footer = lines.filter((l) => /^TAR\s{2,}/.test(l)).pop().trim().split(/\s{2,}/)[1]; // date of the page
  const keepSec = new Set(['NAME', 'DESCRIPTION', 'OPTIONS', 'RETURN VALUE', 'BUG REPORTS', 'COPYRIGHT']);
  const keepSub = new Set(['Option styles', 'Operation mode', 'Overwrite control', 'Compression options']);
  let sec = null; let sub = null;
  let h = `<h1>TAR(1) — GNU TAR Manual</h1>\n<p class="date">${esc(footer)}</p>\n`;
  const body = lines.slice(1, -1).filter((l) => l.trim());
  body.forEach((l, i) => {
    if (/^\S/.test(l)) { sec = l.trim(); sub = null; if (keepSec.has(sec)) h += `<h2>${esc(sec)}</h2>\n`; return; }
    if (!keepSec.has(sec)) return;
    const ind = l.match(/^ */)[0].length;
    const t = l.trim().replace(/\s+/g, ' ');
    if (ind === 3) { sub = t; if (keepSub.has(sub)) h += `<h3>${esc(t)}</h3>\n`; return; }
    if (sub && !keepSub.has(sub)) return;
    if (ind >= 14) { h += `<p class="dd">${esc(t)}</p>\n`; return; }
    if (sec === 'RETURN VALUE' && /^\d\s{2,}/.test(l.trim())) {
      const m = l.trim().match(/^(\d)\s+(.*)$/);
      h += `<p class="tp"><b>${m[1]}</b>${esc(m[2].replace(/\s+/g, ' '))}</p>\n`;
      return;
    }
    if (sub === 'Option styles' && /^(tar |or$|or \()/.test(t)) { h += `<p class="ex">${esc(l.trim())}</p>\n`; return; }
    if (ind === 11) { h += `<p class="ex">${esc(l.trim())}</p>\n`; return; }
    if (/^-/.test(t)) {
      const next = body[i + 1] || '';
      const nind = next.match(/^ */)[0].length;
      const m = t.match(/^(--\w+) (\S.*)$/);
      if (nind <= 7 && m) { h += `<p class="opt">${esc(m[1])}</p>\n<p class="dd">${esc(m[2])}</p>\n`; return; }
      h += `<p class="opt">${esc(t)}</p>\n`;
      return;
    }
    h += `<p>${esc(t)}</p>\n`;
  });
  return {
    name: 'tar_manual', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:9.5pt;line-height:1.2}
      h1{font-size:14pt;margin:0} .date{margin:.1em 0 .6em;font-style:italic}
      h2{font-size:11.5pt;margin:.8em 0 .25em} h3{font-size:10pt;margin:.6em 0 .2em 1em}
      p{margin:.2em 0 .2em 1.5em} .opt{font-weight:bold;margin-top:.4em} .dd{margin-left:4em}
      .ex{font-family:"DejaVu Sans Mono",monospace;margin-left:4em}
      .tp{margin:.3em 0 .3em 4em;padding-left:2em;text-indent:-2em} .tp b{margin-right:1.2em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Artistic License (legal, definitions, PDF)
function artisticDoc() {
  const src = readFileSync('/usr/share/common-licenses/Artistic', 'utf8');
  let h = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    const t = join(ls);
    if (/^The "Artistic License"$/.test(t)) { h += `<h1>${esc(t)}</h1>\n`; continue; }
    if (/^(Preamble|The End)$/.test(t)) { h += `<h2>${esc(t)}</h2>\n`; continue; }
    if (/^Definitions:$/.test(t)) { h += `<h3>${esc(t)}</h3>\n`; continue; }
    if (/^\t/.test(ls[0])) {
      const m = t.match(/^("[^"]+")\s+(.*)$/);
      h += `<p class="def"><b>${esc(m[1])}</b> ${esc(m[2])}</p>\n`;
      continue;
    }
    if (/^[a-d]\) /.test(t)) { h += `<p class="sub">${esc(t)}</p>\n`; continue; }
    const m = t.match(/^(\d+)\. (.*)$/);
    if (m) { h += `<p class="cl"><b>${m[1]}.</b> ${esc(m[2])}</p>\n`; continue; }
    h += `<p>${esc(t)}</p>\n`;
  }
  return {
    name: 'artistic_license', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:11pt;line-height:1.32;text-align:justify}
      h1{font-size:17pt;text-align:center;margin:0 0 .4em} h2{font-size:12.5pt;text-align:center;margin:1em 0 .4em}
      h3{font-size:11.5pt;margin:.9em 0 .3em} p{margin:.35em 0 .55em}
      .def{margin-left:2.5em} .def b{font-weight:bold} .sub{margin-left:2.5em} .cl b{margin-right:.2em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Debian releases (dates table, PNG)
function debreleasesDoc() {
  const src = readFileSync('/usr/share/distro-info/debian.csv', 'utf8').trim().split('\n').map((l) => l.split(','));
  const ver = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'distro-info-data'], { encoding: 'utf8' }).trim();
  const cols = [0, 1, 3, 4, 5, 6, 7]; // 'series' (2) is the codename in lower case
  const head = ['Version', 'Codename', 'Created', 'Released', 'End of life', 'End of LTS', 'End of ELTS'];
  let h = '<h1>Debian releases</h1>\n';
  h += `<p class="src">From the release history in /usr/share/distro-info/debian.csv (distro-info-data ${esc(ver)}). Dates are year-month-day.</p>\n`;
  h += '<table>\n<tr>' + head.map((x) => `<th>${esc(x)}</th>`).join('') + '</tr>\n';
  for (const r of src.slice(1)) h += '<tr>' + cols.map((c) => `<td>${esc(r[c] || '')}</td>`).join('') + '</tr>\n';
  h += '</table>\n';
  return {
    name: 'debian_releases', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:11pt;line-height:1.3}
      h1{font-size:17pt;margin:0 0 6px} .src{margin:0 0 14px;font-size:10pt}
      table{border-collapse:collapse;width:100%}
      th,td{border:1px solid #000;padding:5px 7px;text-align:left} th{font-weight:bold;background:#ddd}
      tr:nth-child(odd) td{background:#f2f2f2}`,
    body: h,
  };
}

// ---------------------------------------------------------------- re module docstring (key-value, two columns, PNG)
function pyreDoc() {
  const src = readFileSync('/usr/lib/python3.11/re/__init__.py', 'utf8');
  const cm = src.split('\n').slice(0, 7).map((l) => l.replace(/^#\s?/, '').trim()).filter(Boolean);
  const doc = src.match(/^r"""([\s\S]*?)"""/m)[1];
  let h = `<h1>${esc(cm[0])}</h1>\n<p class="by">${esc(cm[1])}</p>\n<p class="by">${esc(cm[2])}</p>\n<div class="cols">\n`;
  const dl = (ls, two) => {
    // entries start at indent 4; deeper lines continue the entry
    const items = [];
    for (const l of ls) {
      if (/^ {4}\S/.test(l)) {
        const m = two ? l.trim().match(/^(\S+\s+\S+)\s+(.*)$/) : l.trim().match(/^(\S+)\s+(.*)$/);
        items.push([m[1].replace(/\s+/g, ' '), [m[2]]]);
      } else items[items.length - 1][1].push(l);
    }
    return items.map(([k, v]) => `<p class="kv"><code>${esc(k)}</code> ${esc(join(v))}</p>\n`).join('');
  };
  let first = true;
  for (const b of blocks(doc)) {
    const ls = b.split('\n');
    if (first) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; first = false; continue; }
    const lead = ls.filter((l) => /^\S/.test(l));
    const list = ls.filter((l) => /^\s/.test(l));
    if (lead.length) h += `<p>${esc(join(lead))}</p>\n`;
    if (list.length) h += dl(list, /flags/.test(lead.join(' ')));
  }
  h += '</div>\n';
  return {
    name: 'python_re', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:8.6pt;line-height:1.2}
      h1{font-size:15pt;margin:0 0 4px} .by{margin:0 0 1px;font-style:italic}
      .cols{column-count:2;column-gap:28px;margin-top:10px} h2{font-size:11pt;margin:0 0 .3em}
      p{margin:.2em 0 .35em} .kv{margin:.08em 0 .15em 1em;padding-left:1.5em;text-indent:-1.5em}
      .kv code{font-family:"DejaVu Sans Mono",monospace;font-weight:bold;margin-right:.4em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- grep NEWS.Debian (dated news, PNG)
function grepnewsDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/grep/NEWS.Debian.gz')).toString('utf8');
  let h = '<h1>grep — NEWS.Debian</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^grep \(/.test(ls[0])) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; if (ls.length > 1) h += `<p>${esc(join(ls.slice(1)))}</p>\n`; continue; }
    if (/^ -- /.test(ls[0])) { h += `<p class="sig">${esc(ls[0].trim().replace(/\s{2,}/g, '  '))}</p>\n`; continue; }
    const t = join(ls);
    h += /^(From upstream's NEWS|More upstream NEWS):$/.test(t) ? `<p class="lead">${esc(t)}</p>\n` : `<p>${esc(t)}</p>\n`;
  }
  return {
    name: 'grep_news', kind: 'png',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11pt;line-height:1.34}
      h1{font-size:17pt;margin:0 0 8px} h2{font-family:"DejaVu Sans Mono",monospace;font-size:11.5pt;margin:1.1em 0 .35em}
      p{margin:.3em 0 .5em 1.2em} .lead{font-weight:bold} .sig{font-style:italic;font-size:10pt;white-space:pre-wrap}`,
    body: h,
  };
}

const docs = [xzhistoryDoc(), tarDoc(), artisticDoc(), debreleasesDoc(), pyreDoc(), grepnewsDoc()];
await renderDocs(docs, HERE);
