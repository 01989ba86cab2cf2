/// <reference lib="webworker" />
// The export worker: txt, md, docx, pdf, csv and json files are written here (src/export/in-worker.ts).
import { expose } from '../src/shared/bridge';
import { exportHandlers } from '../src/export/in-worker';
import type { ExportProtocol } from '../src/export/protocol';

expose<ExportProtocol>(exportHandlers);
