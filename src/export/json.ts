// JSON: the job itself, as GET /api/v1/ocr/<uuid>/ answers it.
import type { Exporter, ExporterMeta } from './types';

const meta: ExporterMeta = { format: 'json', label: 'JSON', mime: 'application/json', ext: 'json' };

export const json: Exporter = {
  meta,
  async export({ job }, signal) {
    signal?.throwIfAborted();
    return new Blob([JSON.stringify(job, null, 2)], { type: meta.mime });
  },
};
