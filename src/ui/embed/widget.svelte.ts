// The widget's state: its pickers, its own upload queue, the jobs it has read, and which
// page, if any, may be told about them.
import { findTool } from '../../tools';
import type { Job } from '../../shared/contract';
import type { SubmitOptions } from '../api';
import { UploadQueue, type Upload } from '../uploads.svelte';
import { readBatch } from './batch.svelte';
import { framingOrigin } from './origins';
import { OPTION_ERRORS, PROTOCOL_VERSION, type EmbedOptions, type RequestId, type WidgetMessage } from './protocol';

/** Sends one message to the page that asked (or framed the widget), at its origin only. */
export type Reply = (m: WidgetMessage) => void;

export class EmbedWidget {
  readonly queue = new UploadQueue();
  /** the pickers: what files dropped into the widget itself are read with */
  options = $state<SubmitOptions>({ tier: 'cpu', language: 'auto', tool: '', translate_to: 'eng' });
  /** finished jobs, by upload id */
  jobs = $state<Record<string, Job>>({});
  /** the framing page's origin, as the browser says it */
  parentOrigin = $state<string | null>(null);
  /** whether that origin may hear of the widget's own drops */
  parentAllowed = $state(false);
  #drops = 0;

  constructor(
    ready: Promise<void>,
    private allowed: (origin: string) => boolean,
  ) {
    this.queue.ready = ready;
    this.parentOrigin = framingOrigin();
    this.parentAllowed = this.parentOrigin !== null && allowed(this.parentOrigin);
    // A widget that never started says nothing; each request then fails with the queue's sentence.
    ready.then(() => this.toParent()?.({ type: 'ocrchat:ready', version: PROTOCOL_VERSION })).catch(() => {});
  }

  /** Where the parent's origin could not be read (a hidden referrer), its first allowed message names it. */
  heardFromParent(origin: string): void {
    if (!this.parentAllowed && this.parentOrigin === null && this.allowed(origin)) {
      this.parentOrigin = origin;
      this.parentAllowed = true;
    }
  }

  /** Files dropped or picked in the widget: read with the pickers' options, results to an allowed parent. */
  drop(files: File[]): void {
    void this.read(`drop-${++this.#drops}`, files, undefined, this.toParent());
  }

  /** Reads the files; `options` absent: the pickers'. */
  read(id: RequestId, files: File[], options: EmbedOptions | undefined, reply: Reply | null): Promise<void> {
    const opts: SubmitOptions = options
      ? { tier: options.tier ?? '', language: options.language ?? 'auto', tool: options.tool, translate_to: options.translate_to }
      : { ...this.options, tool: this.options.tool || undefined, translate_to: findTool(this.options.tool)?.meta.needsTarget ? this.options.translate_to : undefined };
    let optionsRefused = false;
    return readBatch(this.queue, files, opts, {
      progress: (index, item) =>
        reply?.({ type: 'ocrchat:progress', version: PROTOCOL_VERSION, id, index, file: item.name, status: item.status === 'cancelled' ? 'failed' : item.status, uuid: item.uuid, pages_done: item.pagesDone, page_count: item.pageCount }),
      result: (index, item, job) => {
        if (job) this.jobs[item.id] = job;
        // Bad options fail every file alike, before any job is made: one error for the request.
        if (!job && item.code && OPTION_ERRORS.has(item.code)) {
          if (!optionsRefused) reply?.({ type: 'ocrchat:error', version: PROTOCOL_VERSION, id, error: item.code, detail: item.error ?? '' });
          optionsRefused = true;
          return;
        }
        reply?.(resultMessage(id, index, item, job));
      },
    });
  }

  private toParent(): Reply | null {
    const origin = this.parentOrigin;
    if (!origin || !this.parentAllowed) return null;
    return (m) => window.parent.postMessage(m, origin);
  }
}

function resultMessage(id: RequestId, index: number, item: Upload, job: Job | undefined): WidgetMessage {
  const base = { type: 'ocrchat:result', version: PROTOCOL_VERSION, id, index, file: item.name, uuid: item.uuid } as const;
  if (job?.status === 'done') return { ...base, status: 'done', text: job.text, markdown: job.markdown, pages: job.pages, job };
  return { ...base, status: 'failed', text: '', markdown: '', error: item.error ?? job?.error ?? 'The file could not be read.', ...(item.code ? { code: item.code } : {}) };
}
