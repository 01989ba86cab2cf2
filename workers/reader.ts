/// <reference lib="webworker" />
// An optional model's worker: TrOCR, Texify, granite-docling or an OPUS-MT translation model in transformers.js (src/engines/vlm/reader-pipeline.ts).
import { expose } from '../src/shared/bridge';
import { readerHandlers } from '../src/engines/vlm/reader-pipeline';
import type { ReaderProtocol } from '../src/engines/vlm/protocol';

expose<ReaderProtocol>(readerHandlers());
