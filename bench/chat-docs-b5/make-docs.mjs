// Makes the b5 chat evaluation documents in bench/chat-docs-b5/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs-b5/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext/pdfinfo (poppler-utils), man (sed man page), dpkg-query,
// the python3.11 stdlib sources, and node_modules (playwright-core, sharp).
// Adapted from bench/chat-docs/make-docs.mjs (same rendering and ground-truth rules), new sources:
//
//   pyhistory  /usr/lib/python3.11/LICENSE.txt, section "A. HISTORY OF THE SOFTWARE"        -> PNG
//   gpl3       /usr/share/common-licenses/GPL-3 (header, Preamble, sections 0-4)             -> PDF
//   sed        `man sed` (NAME .. AUTHOR; SELinux build note and SEE ALSO left out)     -> PDF
//   adduser    /usr/share/doc/adduser/NEWS.Debian.gz (all four dated entries)              -> PDF
//   debpkgs    `dpkg-query -W` facts of 14 installed packages (table)                        -> PNG
//   turtle     /usr/lib/python3.11/turtle.py (header comment + module docstring), 2 columns -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from '../chat-docs/render.mjs';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(HERE, { recursive: true });


// ---------------------------------------------------------------- Python history (narrative + small table, PNG)
function pyhistoryDoc() {
  const src = readFileSync('/usr/lib/python3.11/LICENSE.txt', 'utf8');
  const sec = src.split(/^B\. TERMS AND CONDITIONS/m)[0];
  const bs = blocks(sec);
  let h = '';
  for (const b of bs) {
    const ls = b.split('\n');
    if (/^=+$/.test(ls[1] || '')) { h += `<h1>${esc(ls[0].trim())}</h1>\n`; continue; }
    if (/^\s{4}Release\s/.test(ls[0])) {
      // header over two lines; columns start where the first header line's words start
      const starts = [...ls[0].matchAll(/\S+/g)].map((m) => m.index);
      const cut = (l) => starts.map((s, i) => (l.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined) || '').trim());
      const a = cut(ls[0]); const c = cut(ls[1]);
      const head = a.map((x, i) => (x.endsWith('-') ? x + c[i] : [x, c[i]].filter(Boolean).join(' ')));
      h += '<table>\n<tr>' + head.map((x) => `<th>${esc(x)}</th>`).join('') + '</tr>\n';
      continue;
    }
    if (/^\s{4}\d/.test(ls[0])) {
      // table body (comes right after the header block)
      const hdr = sec.match(/^(\s{4}Release\s.*)$/m)[1];
      const starts = [...hdr.matchAll(/\S+/g)].map((m) => m.index);
      for (const l of ls) {
        const cells = starts.map((s, i) => (l.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined) || '').trim());
        h += '<tr>' + cells.map((x) => `<td>${esc(x)}</td>`).join('') + '</tr>\n';
      }
      h += '</table>\n';
      continue;
    }
    if (/^Footnotes:/.test(b)) { h += `<h2>${esc(b.trim())}</h2>\n`; continue; }
    const t = join(ls);
    h += /^\(\d\) /.test(t) ? `<p class="fn">${esc(t)}</p>\n` : `<p>${esc(t)}</p>\n`;
  }
  return {
    name: 'python_history', kind: 'png',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11.5pt;line-height:1.35}
      h1{font-size:16pt;margin:0 0 12px} h2{font-size:12pt;margin:1em 0 .3em}
      p{margin:.35em 0 .6em;text-align:justify} .fn{font-size:10.5pt;margin-left:1.2em}
      table{border-collapse:collapse;margin:10px 0 12px;font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:10.5pt}
      th,td{border-bottom:1px solid #000;padding:3px 14px 3px 4px;text-align:left} th{border-top:2px solid #000}`,
    body: h,
  };
}

// ---------------------------------------------------------------- GPL-3 (legal, PDF)
function gpl3Doc() {
  const src = readFileSync('/usr/share/common-licenses/GPL-3', 'utf8');
  const part = src.split(/^\s*5\. Conveying Modified Source Versions\./m)[0];
  const bs = blocks(part);
  let h = '';
  const head = bs[0].split('\n').map((l) => l.trim()).filter(Boolean);
  h += `<h1>${esc(head[0])}</h1>\n<p class="c">${esc(head[1])}</p>\n`;
  h += `<p class="c small">${esc(join(bs[1].split('\n')))}</p>\n`;
  for (const b of bs.slice(2)) {
    const t = join(b.split('\n'));
    if (/^(Preamble|TERMS AND CONDITIONS)$/.test(t)) h += `<h2>${esc(t)}</h2>\n`;
    else if (/^\d+\. [^.]+\.$/.test(t)) h += `<h3>${esc(t)}</h3>\n`;
    else h += `<p>${esc(t)}</p>\n`;
  }
  return {
    name: 'gpl3_license', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11pt;line-height:1.32;text-align:justify}
      h1{font-size:16pt;text-align:center;margin-bottom:2px} .c{text-align:center;margin:2px 0} .small{font-size:9.5pt;margin:6px 4em}
      h2{font-size:12pt;text-align:center;margin-top:1.2em} h3{font-size:11pt;margin:.9em 0 .3em}
      p{text-indent:1.5em;margin:.3em 0}`,
    body: h,
  };
}

// ---------------------------------------------------------------- sed man page (technical reference, PDF)
function sedDoc() {
  const out = execFileSync('man', ['--nh', '--nj', '-P', 'cat', 'sed'], {
    env: { ...process.env, MANWIDTH: '3000', LANG: 'C.UTF-8' }, encoding: 'utf8',
  });
  const lines = out.split('\n');
  const keep = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMAND SYNOPSIS', 'Addresses', 'REGULAR EXPRESSIONS', 'BUGS', 'AUTHOR']);
  const tagged = new Set(['COMMAND SYNOPSIS', 'Addresses']);
  let sec = null;
  let h = '<h1>SED(1) — User Commands</h1>\n';
  let pre = [];
  const flush = () => { if (pre.length) { h += `<pre>${esc(pre.join('\n'))}</pre>\n`; pre = []; } };
  const body = lines.slice(1).filter((l) => !/^GNU sed \d/.test(l.trim()));
  let seenHome = 0;
  for (const raw of body) {
    const l = raw.replace(/\s+$/, '');
    if (!l.trim()) continue;
    if (/^\S/.test(l)) { flush(); sec = l.trim(); if (keep.has(sec)) h += `<h2>${esc(sec)}</h2>\n`; continue; }
    if (!keep.has(sec)) continue;
    const ind = l.match(/^ */)[0].length;
    const t = l.trim().replace(/\s+/g, ' ');
    if (sec === 'AUTHOR' && /SELinux/.test(t)) continue; // machine-specific build note
    if (/^GNU sed home page/.test(t) && seenHome++) continue; // the man page repeats it under AUTHOR
    if (sec === 'SYNOPSIS') { pre.push(l.slice(7)); continue; }
    flush();
    if (ind === 3) { h += `<h3>${esc(t)}</h3>\n`; continue; }
    if (ind === 7 && tagged.has(sec) && l.length > 14 && l[13] === ' ' && l[14] !== ' ') {
      h += `<p class="tp"><b>${esc(l.slice(7, 13).trim())}</b>${esc(l.slice(14).trim().replace(/\s+/g, ' '))}</p>\n`;
      continue;
    }
    if (ind === 7) {
      // a term if the next non-blank line is indented deeper, else a paragraph
      const i = body.indexOf(raw);
      const next = body.slice(i + 1).find((x) => x.trim());
      const nind = next ? next.match(/^ */)[0].length : 0;
      h += nind > 7 || /\\$/.test(t) ? `<p class="opt">${esc(t)}</p>\n` : `<p>${esc(t)}</p>\n`;
    } else h += `<p class="dd">${esc(t)}</p>\n`;
  }
  flush();
  return {
    name: 'sed_manual', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:9.5pt;line-height:1.18}
      h1{font-size:14pt} h2{font-size:11.5pt;margin:.8em 0 .25em} h3{font-size:10pt;margin:.6em 0 .2em 1em}
      p{margin:.18em 0} .opt{font-weight:bold;margin-top:.35em} .dd{margin-left:2.5em}
      .tp{margin:.3em 0 .3em 2.5em;padding-left:2em;text-indent:-2em} .tp b{margin-right:.9em}
      pre{font-size:9.5pt;margin:.3em 0 .3em 2.5em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- adduser NEWS.Debian (dated news, PDF)
function adduserDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/adduser/NEWS.Debian.gz')).toString('utf8');
  let h = '<h1>adduser — NEWS.Debian</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^adduser \(/.test(ls[0])) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; if (ls.length > 1) h += `<p>${esc(join(ls.slice(1)))}</p>\n`; continue; }
    if (/^ -- /.test(ls[0])) { h += `<p class="sig">${esc(ls[0].trim().replace(/\s{2,}/g, '  '))}</p>\n`; continue; }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'adduser_news', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:11pt;line-height:1.38}
      h1{font-size:16pt} h2{font-family:"DejaVu Sans Mono",monospace;font-size:11.5pt;margin:1.3em 0 .4em}
      p{margin:.35em 0 .55em 1.2em} .sig{font-style:italic;font-size:10pt;white-space:pre-wrap}`,
    body: h,
  };
}

// ---------------------------------------------------------------- dpkg package facts (numeric table, PNG)
function debpkgsDoc() {
  const pkgs = ['adduser', 'bash', 'bc', 'bzip2', 'coreutils', 'dash', 'diffutils', 'ed', 'findutils', 'grep',
    'less', 'patch', 'sed', 'tar'];
  const out = execFileSync('dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${Installed-Size}\t${Section}\t${Priority}\t${Maintainer}\n', ...pkgs], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.split('\t')).map((r) => { r[5] = r[5].replace(/\s*<.*$/, ''); return r; });
  rows.sort((a, b) => pkgs.indexOf(a[0]) - pkgs.indexOf(b[0]));
  let h = '<h1>Installed Debian packages (dpkg status)</h1>\n<table>\n';
  h += '<tr><th>Package</th><th>Version</th><th>Installed size (KiB)</th><th>Section</th><th>Priority</th><th>Maintainer</th></tr>\n';
  for (const r of rows) h += `<tr>${r.map((c, i) => `<td${i === 2 ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>\n`;
  h += '</table>\n';
  return {
    name: 'debian_packages', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:11pt;line-height:1.3}
      h1{font-size:16pt;margin:0 0 14px} table{border-collapse:collapse;width:100%}
      th,td{border:1px solid #000;padding:6px 7px;text-align:left;vertical-align:top} .n{text-align:right}
      th{font-weight:bold} td:nth-child(2){white-space:nowrap}`,
    body: h,
  };
}

// ---------------------------------------------------------------- turtle.py introduction (two columns, PNG)
function turtleDoc() {
  const src = readFileSync('/usr/lib/python3.11/turtle.py', 'utf8');
  const cm = src.split('\n').slice(0, 6).map((l) => l.replace(/^#\s?/, '').trim());
  const doc = src.match(/^"""([\s\S]*?)"""/m)[1];
  let h = `<h1>${esc(cm[1])}</h1>\n<p class="by">${esc(cm[2])}</p>\n<p class="by">${esc(cm[4])}</p>\n<div class="cols">\n`;
  let inList = false;
  for (const b of blocks(doc)) {
    const ls = b.split('\n');
    const t = join(ls).replace(/``/g, '');
    if (/^- /.test(t)) { if (!inList) { h += '<ul>\n'; inList = true; } h += `<li>${esc(t.slice(2))}</li>\n`; continue; }
    if (inList) { h += '</ul>\n'; inList = false; }
    if (/^-{3,} /.test(t)) h += `<h2>${esc(t.replace(/^-+\s*/, ''))}</h2>\n`;
    else h += `<p>${esc(t)}</p>\n`;
  }
  if (inList) h += '</ul>\n';
  h += '</div>\n';
  return {
    name: 'turtle_intro', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:10.5pt;line-height:1.3}
      h1{font-size:16pt;margin:0 0 6px} .by{margin:0 0 2px;font-style:italic}
      .cols{column-count:2;column-gap:34px;margin-top:14px} h2{font-size:12.5pt;margin:.6em 0 .25em}
      p{margin:.3em 0 .45em} ul{margin:.15em 0;padding-left:1.2em} li{margin:.15em 0 .3em}`,
    body: h,
  };
}

const docs = [pyhistoryDoc(), gpl3Doc(), sedDoc(), adduserDoc(), debpkgsDoc(), turtleDoc()];
await renderDocs(docs, HERE);
