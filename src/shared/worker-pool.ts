// A few workers of one kind, sized to the machine (after Excalidraw's WorkerPool). Work goes
// to a free worker of its kind (its key: the languages a Tesseract worker was started with),
// else to a new one while there is room (a free worker of another kind makes room), else to
// the least busy ('share') or waits for one to be released ('wait'). The pools of the cpu
// engine, its orientation detection, the vlm engine and pdf.js are this one.

export interface PoolOptions<W> {
  /** how many workers at most (read on each acquire: it may depend on a setting) */
  size: () => number;
  start: (key: string) => W;
  stop: (worker: W) => void | Promise<void>;
  /** when every worker is busy: 'share' gives the least busy more, 'wait' waits for a free one */
  whenFull: 'share' | 'wait';
  /** a worker with nothing in hand this long is stopped */
  idleMs?: number;
}

export interface PoolSlot<W> {
  readonly worker: W;
  readonly key: string;
  /** calls in hand */
  busy: number;
  /** calls it has finished */
  uses: number;
  idle?: ReturnType<typeof setTimeout>;
  /** the place in the pool it holds: a worker that replaces a stopped one takes its lane */
  readonly lane: number;
  /** since when it has had calls in hand (performance.now()) */
  busySince?: number;
}

/** One lane of the pool (a place for one worker) over the page's life, for diagnosis and the benchmark. */
export interface LaneStats {
  lane: number;
  /** milliseconds with a call in hand (a worker starting counts: it is held for one) */
  busyMs: number;
  /** calls finished */
  uses: number;
  /** workers started in this lane */
  started: number;
  /** the key of the worker there now, or null when none is */
  key: string | null;
}

export interface PoolStats {
  /** performance.now() when read: busy shares are the differences of two reads */
  at: number;
  lanes: LaneStats[];
}

export class WorkerPool<W> {
  private slots: PoolSlot<W>[] = [];
  private waiters: (() => void)[] = [];
  private lanes: Omit<LaneStats, 'key' | 'lane'>[] = [];

  constructor(private readonly options: PoolOptions<W>) {}

  get workers(): readonly PoolSlot<W>[] {
    return this.slots;
  }

  /**
   * A slot to run on, counted busy until `release`. `most`: start no worker beyond this many
   * (work that does not warrant a worker of its own shares one that is there).
   */
  async acquire(key = '', most = Infinity): Promise<PoolSlot<W>> {
    for (;;) {
      const free = this.slots.filter((s) => s.busy === 0);
      const same = free.find((s) => s.key === key);
      if (same) return this.take(same);
      const size = Math.min(this.options.size(), Math.max(most, 1));
      const other = free[0];
      if (this.slots.length >= size && other) this.remove(other);
      if (this.slots.length < size) {
        const slot: PoolSlot<W> = { worker: this.options.start(key), key, busy: 0, uses: 0, lane: this.freeLane() };
        this.lanes[slot.lane]!.started++;
        this.slots.push(slot);
        return this.take(slot);
      }
      const sharing = this.slots.filter((s) => s.key === key);
      if (this.options.whenFull === 'share' && sharing.length) return this.take(sharing.reduce((a, b) => (b.busy < a.busy ? b : a)));
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * The call is done; `retire`: stop this worker (it failed, or has done enough); `idleMs`: stop
   * it after this long with nothing in hand (the pool's own idleMs by default).
   */
  release(slot: PoolSlot<W>, retire = false, idleMs = this.options.idleMs): void {
    slot.busy = Math.max(0, slot.busy - 1);
    slot.uses++;
    const lane = this.lanes[slot.lane];
    if (lane) {
      lane.uses++;
      if (slot.busy === 0 && slot.busySince !== undefined) {
        lane.busyMs += performance.now() - slot.busySince;
        slot.busySince = undefined;
      }
    }
    if (retire) this.remove(slot);
    else if (slot.busy === 0 && idleMs !== undefined && this.slots.includes(slot)) {
      slot.idle = setTimeout(() => {
        if (slot.busy === 0) this.remove(slot);
      }, idleMs);
    }
    this.waiters.shift()?.();
  }

  /**
   * What a call of this kind could start on now without keeping other work waiting: its
   * workers with nothing in hand (`ready`), and how many more could be started (`room`: empty
   * places, and free workers of other kinds, which are stopped to make room). None of either
   * while any call waits for a worker.
   */
  freeOf(key = ''): { ready: number; room: number } {
    if (this.waiters.length) return { ready: 0, room: 0 };
    const free = this.slots.filter((s) => s.busy === 0);
    const ready = free.filter((s) => s.key === key).length;
    return { ready, room: Math.max(0, this.options.size() - this.slots.length) + free.length - ready };
  }

  /** Stops one worker now (the next acquire may start another). */
  remove(slot: PoolSlot<W>): void {
    clearTimeout(slot.idle);
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    void this.options.stop(slot.worker);
  }

  /** Stops every worker. */
  async clear(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) clearTimeout(s.idle);
    await Promise.all(slots.map((s) => this.options.stop(s.worker)));
  }

  private take(slot: PoolSlot<W>): PoolSlot<W> {
    clearTimeout(slot.idle);
    if (slot.busy === 0) slot.busySince = performance.now();
    slot.busy++;
    return slot;
  }

  /** The lowest lane no live worker holds. */
  private freeLane(): number {
    let lane = 0;
    while (this.slots.some((s) => s.lane === lane)) lane++;
    this.lanes[lane] ??= { busyMs: 0, uses: 0, started: 0 };
    return lane;
  }

  /** Each lane's busy time so far (a call in hand now counts up to now). */
  stats(): PoolStats {
    const at = performance.now();
    return {
      at,
      lanes: this.lanes.map((l, lane) => {
        const slot = this.slots.find((s) => s.lane === lane);
        const running = slot?.busySince !== undefined ? at - slot.busySince : 0;
        return { lane, busyMs: l.busyMs + running, uses: l.uses, started: l.started, key: slot?.key ?? null };
      }),
    };
  }
}
