// Errors are values with a code and a sentence a person can act on (API.md "Errors").
import type { ApiErrorBody } from '../shared/contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Partial<ApiErrorBody> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  toResponse(): Response {
    const body: ApiErrorBody = { error: this.code, detail: this.detail, ...this.extra };
    return json(body, this.status);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export const badRequest = (code: string, detail: string) => new ApiError(400, code, detail);
export const notFound = (what: string) => new ApiError(404, 'not_found', `No ${what} with that id; check the id in the URL.`);
