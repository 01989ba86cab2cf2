// Makes the b7 chat evaluation documents in bench/chat-docs-b7/ from real texts on this machine.
// Run from the repo root:  node bench/chat-docs-b7/make-docs.mjs
// Needs /usr/bin/chromium, pdftotext/pdfinfo (poppler-utils), man (xxd and gitglossary man
// pages), zlib1g-dev's docs, tzdata, tmux's docs, and node_modules (playwright-core, sharp).
// Adapted from bench/chat-docs-b6/make-docs.mjs (same rendering and ground-truth rules, shared
// through bench/chat-docs/render.mjs), new sources:
//
//   txtvsbin   /usr/share/doc/zlib1g-dev/txtvsbin.txt.gz (whole text)                       -> PDF
//   xxd        `man xxd` (all sections but EXAMPLES and SEE ALSO)                          -> PDF
//   mpl2       /usr/share/common-licenses/MPL-2.0 (whole text)                             -> PDF
//   leapsecs   /usr/share/zoneinfo/leap-seconds.list (three comment sections and the table
//              of all 28 data lines: NTP timestamp, TAI-UTC, date)                         -> PNG
//   gitgloss   `man gitglossary` (DESCRIPTION entries from the first to GLOSS_LAST),
//              term-definition list in two columns                                         -> PNG
//   tmuxnews   /usr/share/doc/tmux/NEWS.Debian.gz (all five dated entries)                  -> PNG
import { readFileSync, mkdirSync } from 'node:fs';
import { blocks, esc, join, renderDocs } from '../chat-docs/render.mjs';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(HERE, { recursive: true });

const man = (page) => execFileSync('man', ['--nh', '--nj', '-P', 'cat', page], {
  env: { ...process.env, MANWIDTH: '3000', LANG: 'C.UTF-8' }, encoding: 'utf8',
}).split('\n').map((l) => l.replace(/\s+$/, ''));

// ---------------------------------------------------------------- text vs binary essay (explanatory, PDF)
function txtvsbinDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/zlib1g-dev/txtvsbin.txt.gz')).toString('utf8');
  let h = '';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^=+$/.test((ls[1] || '').trim())) { h += `<h1>${esc(ls[0].trim())}</h1>\n`; continue; }
    if (/^-+$/.test((ls[1] || '').trim())) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; continue; }
    if (ls[0].trim() === '--') { h += `<p class="sig">${ls.slice(1).map((l) => esc(l.trim())).join('<br>')}</p>\n`; continue; }
    if (ls.some((l) => /^- /.test(l))) {
      // a lead line, then "- item" entries whose continuation lines are indented
      const lead = []; const items = [];
      for (const l of ls) {
        if (/^- /.test(l)) items.push([l.slice(2)]);
        else if (items.length) items[items.length - 1].push(l);
        else lead.push(l);
      }
      if (lead.length) h += `<p>${esc(join(lead))}</p>\n`;
      h += '<ul>\n' + items.map((it) => `<li>${esc(join(it))}</li>\n`).join('') + '</ul>\n';
      continue;
    }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'txtvsbin_essay', kind: 'pdf',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:12pt;line-height:1.45;text-align:justify}
      h1{font-size:18pt;margin:0 0 .7em;text-align:center} h2{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:13pt;margin:1.2em 0 .4em}
      p{margin:.3em 0 .6em} ul{margin:.2em 0 .6em 1.2em;padding-left:1.2em} li{margin:.15em 0}
      .sig{margin-top:1.4em;font-style:italic;text-align:left}`,
    body: h,
  };
}

// ---------------------------------------------------------------- xxd man page (technical reference, PDF)
function xxdDoc() {
  const lines = man('xxd');
  const footer = lines.filter((l) => /^Manual page for xxd\s{2,}/.test(l)).pop().trim().split(/\s{2,}/)[1]; // date of the page
  const keep = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'CAVEATS', 'RETURN VALUES', 'WARNINGS', 'VERSION', 'AUTHOR']);
  // sections, each a list of blank-line separated blocks of raw lines
  const secs = [];
  for (const l of lines.slice(1, -1)) {
    if (/^\S/.test(l)) { secs.push({ name: l.trim(), blocks: [[]] }); continue; }
    if (!secs.length) continue;
    const s = secs[secs.length - 1];
    if (!l.trim()) { if (s.blocks[s.blocks.length - 1].length) s.blocks.push([]); continue; }
    s.blocks[s.blocks.length - 1].push(l);
  }
  let h = `<h1>XXD(1) — General Commands Manual</h1>\n<p class="date">${esc(footer)}</p>\n`;
  for (const s of secs) {
    if (!keep.has(s.name)) continue;
    h += `<h2>${esc(s.name)}</h2>\n`;
    for (const b of s.blocks.filter((x) => x.length)) {
      const ind = (l) => l.match(/^ */)[0].length;
      if (s.name === 'SYNOPSIS' || s.name === 'AUTHOR') { h += `<p class="${s.name === 'SYNOPSIS' ? 'ex' : 'au'}">${b.map((l) => esc(l.trim())).join('<br>')}</p>\n`; continue; }
      if (s.name === 'RETURN VALUES' && /^\s*-?[\d,]+\s{2,}/.test(b[0])) {
        const m = b[0].trim().match(/^(\S+)\s+(.*)$/);
        h += `<p class="tp"><b>${esc(m[1])}</b>${esc(m[2])}</p>\n`;
        continue;
      }
      if (/^-/.test(b[0].trim()) && s.name === 'OPTIONS') {
        const m = b[0].trim().match(/^(-\S+)\s{2,}(.*)$/); // "-e     Switch to ..." on one line
        if (m) { h += `<p class="opt">${esc(m[1])}</p>\n<p class="dd">${esc(join([m[2], ...b.slice(1)]))}</p>\n`; continue; }
        h += `<p class="opt">${esc(b[0].trim().replace(/\s+/g, ' '))}</p>\n`;
        if (b.length > 1) h += `<p class="dd">${esc(join(b.slice(1)))}</p>\n`;
        continue;
      }
      // prose lines, with "% command" example lines kept apart
      let prose = [];
      const flush = () => { if (prose.length) h += `<p>${esc(join(prose))}</p>\n`; prose = []; };
      for (const l of b) {
        if (/^%/.test(l.trim()) && ind(l) >= 7) { flush(); h += `<p class="ex">${esc(l.trim())}</p>\n`; } else prose.push(l);
      }
      flush();
    }
  }
  return {
    name: 'xxd_manual', kind: 'pdf',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:10pt;line-height:1.25}
      h1{font-size:14pt;margin:0} .date{margin:.1em 0 .6em;font-style:italic}
      h2{font-size:11.5pt;margin:.9em 0 .25em}
      p{margin:.25em 0 .3em 1.5em} .opt{font-weight:bold;margin-top:.5em;font-family:"DejaVu Sans Mono",monospace} .dd{margin-left:4em}
      .ex{font-family:"DejaVu Sans Mono",monospace;margin-left:3em} .au{margin-left:1.5em}
      .tp{margin:.3em 0 .3em 4em;padding-left:2.5em;text-indent:-2.5em} .tp b{display:inline-block;width:2.5em;text-indent:0}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Mozilla Public License 2.0 (legal, PDF)
const MPL_CUT = '6. Disclaimer of Warranty'; // the text is kept up to the block holding this
function mpl2Doc() {
  const full = readFileSync('/usr/share/common-licenses/MPL-2.0', 'utf8');
  const src = full.slice(0, full.lastIndexOf('\n\n', full.indexOf(MPL_CUT))); // cut to fit three pages
  let h = '';
  for (const raw of blocks(src)) {
    // the boxed sections 6 and 7: strip the frame of asterisks
    const ls = raw.split('\n').filter((l) => !/^\*+$/.test(l.trim())).map((l) => l.replace(/^\*  ?/, '').replace(/\s*\*$/, ''))
      .filter((l, i, a) => l.trim() || (i > 0 && i < a.length - 1));
    if (!ls.length || !ls.some((l) => l.trim())) continue;
    const boxed = /^\*/.test(raw.trim());
    const parts = blocks(ls.join('\n'));
    for (const b of parts) {
      const bl = b.split('\n');
      if (/^=+$/.test((bl[1] || '').trim())) { h += `<h1>${esc(bl[0].trim())}</h1>\n`; continue; }
      if (/^-+$/.test((bl[1] || '').trim())) {
        h += `<h2${boxed ? ' class="box"' : ''}>${esc(bl[0].trim())}</h2>\n`;
        if (bl.length > 2) h += `<p${boxed ? ' class="box"' : ''}>${esc(join(bl.slice(2)))}</p>\n`;
        continue;
      }
      const t = join(bl);
      if (/^\d+\.\d+\. "/.test(t) && bl.length > 1 && /^\s/.test(bl[1])) {
        // a definition: number and term on the first line, meaning indented below
        h += `<p class="term">${esc(bl[0].trim())}</p>\n<p class="def">${esc(join(bl.slice(1)))}</p>\n`;
        continue;
      }
      if (/^\d+\.\d+\. [^"]/.test(t) && bl.length <= 2 && !/[.:;]$/.test(t)) { h += `<h3>${esc(t)}</h3>\n`; continue; }
      if (/^\([a-z]\) /.test(t)) { h += `<p class="sub">${esc(t)}</p>\n`; continue; }
      if (/^\s/.test(bl[0])) { h += `<p class="def">${esc(t)}</p>\n`; continue; }
      h += `<p${boxed ? ' class="box"' : ''}>${esc(t)}</p>\n`;
    }
  }
  return {
    name: 'mpl2_license', kind: 'pdf',
    css: `body{font-family:"DejaVu Serif",serif;font-size:9.5pt;line-height:1.28;text-align:justify}
      h1{font-size:15pt;text-align:center;margin:0 0 .5em} h2{font-size:11.5pt;margin:.9em 0 .3em}
      h3{font-size:10pt;margin:.6em 0 .2em} p{margin:.25em 0 .4em}
      .term{font-weight:bold;margin:.4em 0 .1em} .def{margin:0 0 .35em 2em} .sub{margin-left:2em}
      .box{border-left:3px solid #000;padding-left:.8em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- leap seconds (table of dates and numbers, PNG)
function leapsecsDoc() {
  const src = readFileSync('/usr/share/zoneinfo/leap-seconds.list', 'utf8').split('\n');
  const ver = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'tzdata'], { encoding: 'utf8' }).trim();
  // comment sections: a line of capitals after '#\t' opens one; its text runs to the next blank comment line
  const section = (title) => {
    const i = src.findIndex((l) => l.replace(/^#\s*/, '') === title);
    const out = [];
    for (let j = i + 1; j < src.length && src[j].replace(/^#\s*/, '').trim(); j++) out.push(src[j].replace(/^#\s*/, ''));
    return join(out);
  };
  const expires = src.find((l) => /^#\s*File expires on /.test(l)).replace(/^#\s*/, '').trim();
  const dtai = [src.find((l) => /^#\s*DTAI: /.test(l)), src[src.findIndex((l) => /^#\s*DTAI: /.test(l)) + 1]].map((l) => l.replace(/^#\s*/, ''));
  const rows = src.filter((l) => /^\d/.test(l)).map((l) => l.match(/^(\d+)\s+(\d+)\s+#\s*(.*)$/).slice(1, 4));
  let h = '<h1>Leap seconds</h1>\n';
  h += `<p class="src">From the IERS list in /usr/share/zoneinfo/leap-seconds.list (tzdata ${esc(ver)}). ${esc(expires)}.</p>\n`;
  for (const t of ['LEAP SECOND', 'HISTORY', 'RESPONSIBILITY OF THE DECISION TO INTRODUCE A LEAP SECOND IN UTC']) {
    h += `<h2>${esc(t.charAt(0) + t.slice(1).toLowerCase().replace(/\butc\b/, 'UTC'))}</h2>\n<p>${esc(section(t))}</p>\n`;
  }
  h += `<h2>List of leap seconds</h2>\n<p>NTP timestamp: the number of seconds since 1900.0. ${esc(join(dtai))}</p>\n`;
  h += '<table>\n<tr><th>NTP timestamp</th><th>TAI − UTC (s)</th><th>Date</th></tr>\n';
  for (const r of rows) h += `<tr><td>${r[0]}</td><td>${r[1]}</td><td>${esc(r[2])}</td></tr>\n`;
  h += '</table>\n';
  return {
    name: 'leap_seconds', kind: 'png',
    css: `body{font-family:"Noto Sans","DejaVu Sans",sans-serif;font-size:9.4pt;line-height:1.26}
      h1{font-size:17pt;margin:0 0 4px} .src{margin:0 0 6px;font-size:9.5pt;font-style:italic}
      h2{font-size:10.5pt;margin:8px 0 2px} p{margin:0 0 4px;text-align:justify}
      table{border-collapse:collapse;width:78%;margin:6px auto 0}
      th,td{border:1px solid #000;padding:1px 10px;text-align:right} td:last-child,th:last-child{text-align:left}
      th{font-weight:bold;background:#ddd} tr:nth-child(odd) td{background:#f2f2f2}`,
    body: h,
  };
}

// ---------------------------------------------------------------- Git glossary (definitions, two columns, PNG)
const GLOSS_LAST = 'fetch'; // the last entry that still fits the page
function gitglossDoc() {
  const lines = man('gitglossary');
  const ver = lines.filter((l) => /^Git \d/.test(l)).pop().trim().split(/\s{2,}/)[0]; // "Git 2.39.5"
  const i0 = lines.indexOf('DESCRIPTION');
  const entries = [];
  for (const l of lines.slice(i0 + 1)) {
    if (/^\S/.test(l)) break;
    if (!l.trim()) { const e = entries[entries.length - 1]; if (e && e.cur.length) { e.paras.push(e.cur); e.cur = []; } continue; }
    if (/^ {7}\S/.test(l)) { entries.push({ term: l.trim(), paras: [], cur: [] }); continue; }
    entries[entries.length - 1].cur.push(l);
  }
  for (const e of entries) if (e.cur.length) e.paras.push(e.cur);
  const last = entries.findIndex((e) => e.term === GLOSS_LAST);
  let h = `<h1>A Git Glossary</h1>\n<p class="by">gitglossary(7), Git Manual, ${esc(ver)} — entries from “${esc(entries[0].term)}” to “${esc(GLOSS_LAST)}”</p>\n<div class="cols">\n`;
  for (const e of entries.slice(0, last + 1)) {
    h += `<p class="kv"><b>${esc(e.term)}</b> ${esc(join(e.paras[0]))}</p>\n`;
    for (const p of e.paras.slice(1)) h += `<p class="more">${esc(join(p))}</p>\n`;
  }
  h += '</div>\n';
  return {
    name: 'git_glossary', kind: 'png',
    css: `body{font-family:"DejaVu Sans",sans-serif;font-size:8.6pt;line-height:1.22}
      h1{font-size:15pt;margin:0 0 3px} .by{margin:0;font-style:italic}
      .cols{column-count:2;column-gap:28px;margin-top:10px}
      p{margin:.15em 0 .35em} .kv b{margin-right:.35em} .more{margin-left:1em}`,
    body: h,
  };
}

// ---------------------------------------------------------------- tmux NEWS.Debian (dated news, PNG)
function tmuxnewsDoc() {
  const src = gunzipSync(readFileSync('/usr/share/doc/tmux/NEWS.Debian.gz')).toString('utf8');
  let h = '<h1>tmux — NEWS.Debian</h1>\n';
  for (const b of blocks(src)) {
    const ls = b.split('\n');
    if (/^tmux \(/.test(ls[0])) { h += `<h2>${esc(ls[0].trim())}</h2>\n`; if (ls.length > 1) h += `<p>${esc(join(ls.slice(1)))}</p>\n`; continue; }
    if (/^ -- /.test(ls[0])) { h += `<p class="sig">${esc(ls[0].trim().replace(/\s{2,}/g, '  '))}</p>\n`; continue; }
    h += `<p>${esc(join(ls))}</p>\n`;
  }
  return {
    name: 'tmux_news', kind: 'png',
    css: `body{font-family:"Noto Serif","DejaVu Serif",serif;font-size:11.5pt;line-height:1.4}
      h1{font-size:18pt;margin:0 0 10px} h2{font-family:"DejaVu Sans Mono",monospace;font-size:11.5pt;margin:1.3em 0 .4em}
      p{margin:.3em 0 .55em 1.2em} .sig{font-style:italic;font-size:10pt;white-space:pre-wrap}`,
    body: h,
  };
}

const docs = [txtvsbinDoc(), xxdDoc(), mpl2Doc(), leapsecsDoc(), gitglossDoc(), tmuxnewsDoc()];
await renderDocs(docs, HERE);
