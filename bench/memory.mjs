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

/**
 * One sample: PSS and RSS summed over the pids, in kB.
 * @param {number[]} pids
 * @returns {{ pssKb: number, rssKb: number, processes: number }}
 */
export function sample(pids) {
  let pssKb = 0;
  let rssKb = 0;
  let processes = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pssKb += kb(rollup, 'Pss');
      rssKb += kb(rollup, 'Rss');
      processes++;
    } catch {
      try {
        rssKb += kb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
        processes++;
      } catch {}
    }
  }
  return { pssKb, rssKb, processes };
}

/**
 * Samples a process tree every `everyMs` until stopped; keeps the peaks.
 * @param {() => number[]} roots  called at each sample (the tree's root pids)
 * @param {number} [everyMs]
 * @param {() => string[]} [during]  what was running, noted with the PSS peak
 */
export function startSampler(roots, everyMs = 200, during = () => []) {
  /** @type {{ pssKb: number, rssKb: number, processes: number, samples: number, during: string[] }} */
  const peak = { pssKb: 0, rssKb: 0, processes: 0, samples: 0, during: [] };
  const tick = () => {
    try {
      const s = sample(tree(roots()));
      peak.samples++;
      if (s.pssKb > peak.pssKb) {
        peak.pssKb = s.pssKb;
        peak.during = during();
      }
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
      tick();
      return { pssMB: peak.pssKb / 1024, rssMB: peak.rssKb / 1024, processes: peak.processes, samples: peak.samples, during: peak.during };
    },
    /** Resets the peaks (e.g. after warm-up). */
    reset() {
      Object.assign(peak, { pssKb: 0, rssKb: 0, processes: 0, samples: 0, during: [] });
    },
  };
}
