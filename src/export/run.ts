// Running an exporter for a stored job: page images come from IndexedDB.
import type { ExportFormat, Job } from '../contract';
import type { ExportResult } from '../api/deps';
import { database } from '../store/db';
import { downloadName, exporters } from './index';

export async function exportJob(job: Job, format: ExportFormat): Promise<ExportResult> {
  const exporter = exporters[format];
  const db = database();
  const blob = await exporter.export({
    job,
    pageImage: async (index) => (await db.files.get(`${job.uuid}/page/${index}`))?.blob ?? null,
  });
  return { blob, mime: exporter.meta.mime, fileName: downloadName(job.file_name, format) };
}
