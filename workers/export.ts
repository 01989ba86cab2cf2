/// <reference lib="webworker" />
// The export worker: every exporter of the registry (txt, md, docx, pdf, csv, json, hOCR, ALTO) writes its file here (src/export/in-worker.ts).
import { expose } from '../src/shared/bridge';
import { exportHandlers } from '../src/export/in-worker';
import type { ExportProtocol } from '../src/export/protocol';

expose<ExportProtocol>(exportHandlers);
