/// <reference lib="webworker" />
// The vlm engine's worker: PP-OCRv4 in onnxruntime-web (src/engines/vlm/pipeline.ts).
import { expose } from '../src/shared/bridge';
import { vlmHandlers } from '../src/engines/vlm/pipeline';
import type { VlmProtocol } from '../src/engines/vlm/protocol';

expose<VlmProtocol>(vlmHandlers());
