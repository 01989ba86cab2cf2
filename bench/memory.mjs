// Peak memory of a process tree, sampled from /proc: PSS (proportional set size, from
// /proc/<pid>/smaps_rollup) summed over the tree, so that pages shared between Chromium's
// processes are not counted once per process. RSS is summed too, for reference.
import { readFileSync, readdirSync } from 'node:fs';

/** @returns {Map<number, number>} pid → parent pid, for every process we can see */
function parents() {
  /** @type {Map<number, number>} */
  const m = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      m.set(Number(d), Number(rest[1]));
    } catch {}
  }
  return m;
}

/**
 * Pids whose command line contains `needle` (e.g. the browser's user-data-dir).
 * @param {string} needle
 * @returns {number[]}
 */
export function pidsWithCmdline(needle) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle)) out.push(Number(d));
    } catch {}
  }
  return out;
}

/**
 * The given pids and all their descendants.
 * @param {number[]} roots
 * @returns {number[]}
 */
export function tree(roots) {
  const pp = parents();
  const seen = new Set(roots.filter((p) => pp.has(p)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of pp) if (!seen.has(pid) && seen.has(ppid)) (seen.add(pid), (grew = true));
  }
  return [...seen];
}

/**
 * @param {string} text  the body of smaps_rollup or status
 * @param {string} key
 * @returns {number} kB
 */
function kb(text, key) {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** A process's last full reading: its resident size then (statm), PSS and RSS (smaps_rollup). */
/** @typedef {{ residentKb: number, pssKb: number, rssKb: number, atMs: number }} Reading */

/** A process is read in full again after this long… */
const REREAD_MS = 2000;
/** …at most this many in one sample, the longest unread first. */
const FULL_READS_PER_SAMPLE = 2;

/**
 * One sample: PSS and RSS summed over the pids, in kB.
 *
 * smaps_rollup costs the kernel 3–15 ms per Chromium process (it walks the mappings), some
 * 40 ms for the whole tree: read every 200 ms, that took a fifth of a core from the two being
 * measured. With `cache`, each process is read in full every 2 s (two at most per sample), and
 * in between its PSS is the last reading's plus the change in its resident size since
 * (/proc/<pid>/statm, a hundredth of the cost): what a process allocates or frees is private
 * memory, which PSS counts whole. Only changes in sharing between two readings are missed.
 * @param {number[]} pids
 * @param {Map<number, Reading>} [cache]
 * @param {number} [nowMs]
 * @returns {{ pssKb: number, rssKb: number, processes: number }}
 */
export function sample(pids, cache, nowMs = Date.now()) {
  let pssKb = 0;
  let rssKb = 0;
  let processes = 0;
  const due = cache
    ? pids.filter((pid) => !cache.has(pid) || nowMs - (cache.get(pid)?.atMs ?? 0) >= REREAD_MS).sort((a, b) => (cache.get(a)?.atMs ?? -1) - (cache.get(b)?.atMs ?? -1))
    : pids;
  const full = new Set(cache ? due.filter((pid, i) => !cache.has(pid) || i < FULL_READS_PER_SAMPLE) : pids);
  for (const pid of pids) {
    try {
      const residentKb = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4;
      const last = cache?.get(pid);
      if (last && !full.has(pid)) {
        const moved = residentKb - last.residentKb;
        pssKb += Math.max(0, last.pssKb + moved);
        rssKb += Math.max(0, last.rssKb + moved);
        processes++;
        continue;
      }
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const reading = { residentKb, pssKb: kb(rollup, 'Pss'), rssKb: kb(rollup, 'Rss'), atMs: nowMs };
      cache?.set(pid, reading);
      pssKb += reading.pssKb;
      rssKb += reading.rssKb;
      processes++;
    } catch {
      try {
        rssKb += kb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
        processes++;
      } catch {}
    }
  }
  if (cache) for (const pid of cache.keys()) if (!pids.includes(pid)) cache.delete(pid);
  return { pssKb, rssKb, processes };
}

/**
 * Samples a process tree every `everyMs` until stopped; keeps the peaks. The tree is looked
 * up again every fifth sample (a new renderer or worker process joins within a second).
 * @param {() => number[]} roots  called when the tree is looked up (the tree's root pids)
 * @param {number} [everyMs]
 * @param {() => string[]} [during]  what was running, noted with the PSS peak
 */
export function startSampler(roots, everyMs = 200, during = () => []) {
  /** @type {{ pssKb: number, rssKb: number, processes: number, samples: number, during: string[] }} */
  const peak = { pssKb: 0, rssKb: 0, processes: 0, samples: 0, during: [] };
  /** @type {Map<number, Reading>} */
  const cache = new Map();
  /** @type {number[]} */
  let pids = [];
  let ticks = 0;
  /** Each phase's own peak (see `phase`). @type {Map<string, { pssKb: number, rssKb: number, during: string[] }>} */
  const phases = new Map();
  /** @type {string | null} */
  let current = null;
  const tick = () => {
    try {
      if (ticks++ % 5 === 0) pids = tree(roots());
      const s = sample(pids, cache);
      peak.samples++;
      if (s.pssKb > peak.pssKb) {
        peak.pssKb = s.pssKb;
        peak.during = during();
      }
      const ph = current === null ? undefined : phases.get(current);
      if (ph && s.pssKb > ph.pssKb) Object.assign(ph, { pssKb: s.pssKb, rssKb: Math.max(ph.rssKb, s.rssKb), during: during() });
      if (s.rssKb > peak.rssKb) peak.rssKb = s.rssKb;
      if (s.processes > peak.processes) peak.processes = s.processes;
    } catch {}
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    peak,
    /** Stops sampling; returns the peaks in MB. */
    stop() {
      clearInterval(timer);
      ticks = 0;
      cache.clear();
      tick();
      current = null;
      const byPhase = Object.fromEntries([...phases].map(([k, v]) => [k, { pssMB: v.pssKb / 1024, rssMB: v.rssKb / 1024, during: v.during }]));
      return { pssMB: peak.pssKb / 1024, rssMB: peak.rssKb / 1024, processes: peak.processes, samples: peak.samples, during: peak.during, phases: byPhase };
    },
    /**
     * From now on, samples count also toward the phase `name` (until the next call; null
     * ends the phase): the run's parts (the timed set, the reruns after the clock, the bare
     * engine) each get their own peak.
     * @param {string | null} name
     */
    phase(name) {
      current = name;
      if (name !== null && !phases.has(name)) phases.set(name, { pssKb: 0, rssKb: 0, during: [] });
      if (name !== null) tick();
    },
    /** Resets the peaks (e.g. after warm-up). */
    reset() {
      Object.assign(peak, { pssKb: 0, rssKb: 0, processes: 0, samples: 0, during: [] });
      phases.clear();
    },
  };
}
