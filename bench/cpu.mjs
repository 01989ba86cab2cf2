// Where the CPU goes: the processor time of each of Chromium's threads, from /proc, summed by
// what the thread does. A page's timings_ms are wall time, and under load they stretch with
// whatever else runs on the cores; this says what else that is. Read every half second, each
// thread's last reading kept, so a thread that ends (a retired engine worker) loses at most
// its last half second.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** The classes of threads, in the order the table prints them. */
export const CPU_CLASSES = /** @type {const} */ (['workers', 'main', 'pool', 'service worker', 'browser', 'other']);

/** What each class is, for the table's notes. */
export const CPU_CLASS_NOTES = {
  workers: "the page's dedicated workers: the engines' (Tesseract, OSD, PP-OCR) and pdf.js's",
  main: "the app window's main thread (the engine host, the API's work there, the UI, and the bench's own requests from the page)",
  pool: "the renderer's thread pool: image decoding, V8's background compiling and garbage collection",
  'service worker': 'the service worker that answers /api/v1/',
  browser: 'the browser process (IPC, storage, network)',
  other: 'the rest: the renderers\' IO threads, GPU and utility processes',
};

/**
 * The class of a thread, from its process's type (`--type=` of its command line; none for
 * the browser process), whether it is its process's main thread, and its name.
 * @param {string} processType  '' for the browser process
 * @param {boolean} main
 * @param {string} name  /proc's comm (15 characters at most)
 * @returns {typeof CPU_CLASSES[number]}
 */
export function classOf(processType, main, name) {
  if (processType === '') return 'browser';
  if (processType !== 'renderer') return 'other';
  if (main) return 'main';
  if (name.startsWith('DedicatedWorker')) return 'workers';
  if (name.startsWith('ThreadPool')) return 'pool';
  if (name.startsWith('ServiceWorker')) return 'service worker';
  return 'other';
}

let tickMs = 0;
/** Milliseconds in one clock tick of /proc's times. */
function msPerTick() {
  if (!tickMs) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/**
 * Every thread of the given processes: its key (pid/tid), class and CPU time so far (ms).
 * @param {number[]} pids
 * @returns {Map<string, { cls: typeof CPU_CLASSES[number], ms: number }>}
 */
/** Each process's type, read from its command line once. @type {Map<number, string>} */
const types = new Map();

function readThreads(pids) {
  const out = new Map();
  const tick = msPerTick();
  for (const pid of pids) {
    let type = types.get(pid);
    let tids = [];
    try {
      if (type === undefined) types.set(pid, (type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? ''));
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { cls: classOf(type, tid === String(pid), name), ms: (Number(f[11]) + Number(f[12])) * tick });
      } catch {}
    }
  }
  return out;
}

/**
 * Samples the threads of a process tree every `everyMs` until stopped. `mark()` answers the
 * CPU time so far by class; `between(a, b)` the time spent between two marks.
 * @param {() => number[]} pidsNow  the tree's pids (looked up at every sample)
 * @param {number} [everyMs]
 */
export function startCpuSampler(pidsNow, everyMs = 500) {
  /** @type {Map<string, { cls: typeof CPU_CLASSES[number], ms: number }>} the last reading of every thread seen */
  const seen = new Map();
  const tick = () => {
    try {
      for (const [k, v] of readThreads(pidsNow())) seen.set(k, v);
    } catch {}
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** CPU ms so far, by class. @returns {Record<string, number>} */
    mark() {
      tick();
      /** @type {Record<string, number>} */
      const by = Object.fromEntries(CPU_CLASSES.map((c) => [c, 0]));
      for (const { cls, ms } of seen.values()) by[cls] += ms;
      return by;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/**
 * CPU ms by class between two marks.
 * @param {Record<string, number>} before
 * @param {Record<string, number>} after
 * @returns {Record<string, number>}
 */
export function between(before, after) {
  return Object.fromEntries(CPU_CLASSES.map((c) => [c, Math.max(0, (after[c] ?? 0) - (before[c] ?? 0))]));
}

/**
 * The table: per kind, CPU ms a page in each class and its share, the CPU a page in all, and
 * how many cores were busy on average while the kind ran.
 * @param {Array<{ label: string, pages: number, wallMs: number, cpu: Record<string, number> }>} rows
 * @returns {string}
 */
export function formatCpu(rows) {
  const head = ['kind', 'pages', ...CPU_CLASSES.map((c) => `${c} ms (share)`), 'cpu ms a page', 'cores busy'];
  const lines = [
    head,
    ...rows.map((r) => {
      const total = CPU_CLASSES.reduce((n, c) => n + (r.cpu[c] ?? 0), 0);
      const per = (/** @type {number} */ ms) => ms / Math.max(1, r.pages);
      return [r.label, String(r.pages), ...CPU_CLASSES.map((c) => `${per(r.cpu[c] ?? 0).toFixed(0)} (${total ? Math.round((100 * (r.cpu[c] ?? 0)) / total) : 0}%)`), per(total).toFixed(0), r.wallMs ? (total / r.wallMs).toFixed(2) : '–'];
    }),
  ];
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (/** @type {string[]} */ l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(lines[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}
