// The export worker's answers (workers/export.ts): exports run off the main thread, where a
// 50-page searchable PDF or DOCX takes a while.
import type { Handlers } from '../shared/bridge';
import { exporters } from './index';
import type { ExportProtocol } from './protocol';

export const exportHandlers: Handlers<ExportProtocol> = {
  export: ({ job, format, images }) => exporters[format].export({ job, pageImage: async (i) => images[i] ?? null }),
};
