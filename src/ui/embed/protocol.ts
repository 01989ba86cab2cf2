// The /embed widget's postMessage protocol (README: "Embedding the widget"). A page of an
// allowed origin sends `ocrchat:ocr` with files and options; the widget answers with
// `ocrchat:progress` for each file as it goes, then `ocrchat:result` for each file, or one
// `ocrchat:error` when the request itself cannot run. Every message the widget sends says
// `version`; a request may name the version it speaks.
import type { ApiErrorBody, Job, JobStatus, Page } from '../../shared/contract';

export const PROTOCOL_VERSION = 1;
const PREFIX = 'ocrchat:';

/** A file as the parent sends it: a File or Blob, or its bytes with a name and type. */
export type FileInput = Blob | { name?: string; type?: string; bytes: ArrayBuffer | ArrayBufferView };

export interface EmbedOptions {
  tier?: string;
  language?: string;
  tool?: string;
  translate_to?: string;
}

export interface OcrRequest {
  type: 'ocrchat:ocr';
  version?: number;
  /** the parent's name for this request; every answer to it carries it back */
  id?: string | number;
  files: FileInput[];
  /** as the API's form fields; absent: the widget's own pickers */
  options?: EmbedOptions;
}

export type RequestId = string | number | null;

interface Base {
  version: typeof PROTOCOL_VERSION;
  id: RequestId;
}

/** The widget's messages to its parent. */
export type WidgetMessage =
  | { type: 'ocrchat:ready'; version: typeof PROTOCOL_VERSION }
  | (Base & { type: 'ocrchat:progress'; index: number; file: string; status: 'uploading' | JobStatus; uuid?: string; pages_done: number; page_count: number })
  | (Base & {
      type: 'ocrchat:result';
      index: number;
      file: string;
      uuid?: string;
      status: 'done' | 'failed';
      text: string;
      markdown: string;
      pages?: Page[];
      /** the whole job as GET /api/v1/ocr/<uuid>/ answers it (translation, receipt fields, …) */
      job?: Job;
      error?: string;
      code?: string;
    })
  | (Base & { type: 'ocrchat:error' } & ApiErrorBody);

export type Parsed = { ok: true; id: RequestId; files: File[]; options?: EmbedOptions } | { ok: false; id: RequestId; error: ApiErrorBody };

/** Whether a message is meant for the widget at all (other scripts post messages too). */
export const isProtocolMessage = (data: unknown): data is { type: string } =>
  typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' && (data as { type: string }).type.startsWith(PREFIX);

const fail = (id: RequestId, error: string, detail: string): Parsed => ({ ok: false, id, error: { error, detail } });

/** A protocol message as a request the widget can run, or the error to answer it with. */
export function parseRequest(data: { type: string } & Record<string, unknown>): Parsed {
  const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : null;
  if (data.version !== undefined && data.version !== PROTOCOL_VERSION) {
    return fail(id, 'unsupported_version', `This widget speaks version ${PROTOCOL_VERSION} of the protocol; send version: ${PROTOCOL_VERSION} or leave it out.`);
  }
  if (data.type !== 'ocrchat:ocr') return fail(id, 'unknown_message', `Unknown message type "${data.type}"; send "ocrchat:ocr".`);
  const files = Array.isArray(data.files) ? data.files.map(toFile) : [];
  if (files.length === 0 || files.some((f) => f === null)) {
    return fail(id, 'no_file', 'Send files as a non-empty list of File, Blob or {name, type, bytes: ArrayBuffer} objects.');
  }
  const options = data.options;
  if (options !== undefined) {
    const o = options as Record<string, unknown>;
    const fields = ['tier', 'language', 'tool', 'translate_to'] as const;
    if (typeof options !== 'object' || options === null || fields.some((k) => o[k] !== undefined && typeof o[k] !== 'string')) {
      return fail(id, 'bad_request', 'options must be an object whose tier, language, tool and translate_to are strings.');
    }
  }
  return { ok: true, id, files: files as File[], options: options as EmbedOptions | undefined };
}

function toFile(input: unknown, index: number): File | null {
  if (input instanceof File) return input;
  if (input instanceof Blob) return new File([input], `file-${index + 1}`, { type: input.type });
  if (typeof input !== 'object' || input === null) return null;
  const { name, type, bytes } = input as { name?: unknown; type?: unknown; bytes?: unknown };
  if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) return null;
  const part = bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new File([part as BlobPart], typeof name === 'string' && name ? name : `file-${index + 1}`, { type: typeof type === 'string' ? type : '' });
}

/** API error codes that are about the request's options, not about one file: one `ocrchat:error`. */
export const OPTION_ERRORS: ReadonlySet<string> = new Set(['bad_tier', 'unknown_tool', 'unknown_language', 'language_not_on_tier', 'missing_translate_to', 'bad_request']);
