import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The app's security headers, in one place: `npm start`'s server and the test server send
// them (a Vite plugin), the build writes them as a `_headers` file for static hosts that read
// one (which the preview server reads back), and every HTML page carries the Content-Security-Policy as a <meta> for hosts that
// send no headers at all (a <meta> cannot set frame-ancestors: the app checks that itself).

/**
 * What the pages need: scripts, styles, workers and WASM from the app's own origin; images
 * and files made in the page (blob:, data:); downloads the person asks for (models,
 * languages) from an https host they configure. No inline script, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' https: blob: data:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const isEmbed = (pathname) => /^\/embed(\.html)?\/?$/.test(pathname);
const isDocument = (pathname) => pathname === '/' || pathname.endsWith('.html') || isEmbed(pathname) || !/\.[a-z0-9]+$/i.test(pathname);

/**
 * Headers for one path. Worker scripts get no CSP of their own: a worker is governed by its
 * script's headers, and the engines' workers (tesseract.js) build code at run time.
 */
export function headersFor(pathname, { embedOrigins = [] } = {}) {
  const h = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
  if (isDocument(pathname) || pathname === '/sw.js') {
    const ancestors = isEmbed(pathname) ? ["'self'", ...embedOrigins].join(' ') : "'none'";
    h['Content-Security-Policy'] = `${CONTENT_SECURITY_POLICY}; frame-ancestors ${ancestors}`;
    if (!isEmbed(pathname)) h['X-Frame-Options'] = 'DENY';
  }
  return h;
}

/** The `_headers` file (Netlify, Cloudflare Pages and others read it). */
export function headersFile(opts) {
  const block = (pattern, path) =>
    `${pattern}\n${Object.entries(headersFor(path, opts)).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [block('/*', '/assets/x.js'), block('/', '/'), block('/index.html', '/index.html'), block('/sw.js', '/sw.js'), block('/embed', '/embed'), block('/embed.html', '/embed.html')].join('\n');
}

/**
 * The embed allowlist a build wrote into its `_headers`: the preview server serves a build with
 * the settings it was built with, whatever the environment it is started in.
 */
export function builtOptions(headersText) {
  const m = headersText?.match(/^\/embed\n(?: {2}.*\n)*? {2}Content-Security-Policy: .*frame-ancestors ([^;\n]*)/m);
  if (!m) return null;
  return { embedOrigins: m[1].trim().split(/\s+/).filter((o) => o !== "'self'") };
}

/** The Vite plugin: headers on the preview server, the <meta> in each page, `_headers` in dist/. */
export function securityHeaders(opts = {}) {
  return {
    name: 'ocrchat-security-headers',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(opts) });
    },
    configurePreviewServer(server) {
      const outDir = server.config.build.outDir;
      let built = null;
      try {
        built = builtOptions(readFileSync(resolve(server.config.root, outDir, '_headers'), 'utf8'));
      } catch {
        // A build from before this plugin: the settings of this environment.
      }
      const served = built ?? opts;
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://x').pathname;
        for (const [k, v] of Object.entries(headersFor(pathname, served))) res.setHeader(k, v);
        next();
      });
    },
  };
}
