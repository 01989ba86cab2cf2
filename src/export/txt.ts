// Plain text: each page's text, pages separated by a form feed.
import type { Exporter, ExporterMeta } from './types';
import { orderedPages } from './text';

const meta: ExporterMeta = { format: 'txt', label: 'Plain text', mime: 'text/plain; charset=utf-8', ext: 'txt' };

export const txt: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    return new Blob([orderedPages(job).map((p) => p.text).join('\f')], { type: meta.mime });
  },
};
