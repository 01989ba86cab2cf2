import type { Plugin } from 'vite';
export interface SecurityHeaderOptions {
  /** sites allowed to frame /embed */
  embedOrigins?: string[];
}
export const CONTENT_SECURITY_POLICY: string;
export function headersFor(pathname: string, opts?: SecurityHeaderOptions): Record<string, string>;
export function headersFile(opts?: SecurityHeaderOptions): string;
export function securityHeaders(opts?: SecurityHeaderOptions): Plugin;
export function builtOptions(headersText: string | null | undefined): SecurityHeaderOptions | null;
