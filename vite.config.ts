import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { existsSync, readFileSync } from 'node:fs';
import { pdfjsTextFonts } from './scripts/pdfjs-text-fonts.mjs';
import { securityHeaders } from './scripts/security-headers.mjs';

/**
 * Build-time limits (src/shared/config.ts): OCR_CONFIG_FILE names a JSON file, and single
 * variables override it: OCR_ANON_DAILY_PAGES, OCR_FREE_MONTHLY_PAGES, OCR_RETENTION_DAYS,
 * OCR_VOUCHER_PUBLIC_KEY (a JWK as JSON), OCR_MODEL_HOST (where optional models are downloaded
 * from: a hub's URL, or a folder holding `<repo>/<file>`), OCR_LANGUAGE_SOURCE (where languages
 * the app's server lacks are fetched from: a folder of `<code>.traineddata.gz`, or a URL with `{code}`),
 * OCR_EMBED_ORIGINS (the sites that may drive and frame the /embed widget, comma-separated).
 */
function buildConfig(): Record<string, unknown> {
  const env = process.env;
  const fromFile = env.OCR_CONFIG_FILE ? JSON.parse(readFileSync(env.OCR_CONFIG_FILE, 'utf8')) : {};
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const over: Record<string, unknown> = {
    anonDailyPages: num(env.OCR_ANON_DAILY_PAGES),
    freeMonthlyPages: num(env.OCR_FREE_MONTHLY_PAGES),
    retentionDays: num(env.OCR_RETENTION_DAYS),
    voucherPublicKey: env.OCR_VOUCHER_PUBLIC_KEY ? JSON.parse(env.OCR_VOUCHER_PUBLIC_KEY) : undefined,
    modelHost: env.OCR_MODEL_HOST ? { url: env.OCR_MODEL_HOST, pathTemplate: '{model}/' } : undefined,
    languageSource: env.OCR_LANGUAGE_SOURCE,
    embedAllowedOrigins: env.OCR_EMBED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean),
  };
  return { ...fromFile, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) };
}

/**
 * The languages on the app's own server, as scripts/vendor.mjs listed them: built into the app
 * so that it knows them offline and before any fetch (src/languages/offered.ts).
 */
function languageIndex(): unknown {
  const path = 'public/vendor/lang/index.json';
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const ocrConfig = buildConfig();

export default defineConfig({
  define: { __OCR_CONFIG__: JSON.stringify(ocrConfig), __OCR_LANGUAGES__: JSON.stringify(languageIndex()) },
  plugins: [
    securityHeaders({ embedOrigins: (ocrConfig.embedAllowedOrigins as string[] | undefined) ?? [] }),
    pdfjsTextFonts(),
    svelte(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'autoUpdate',
      includeManifestIcons: false,
      injectManifest: {
        rollupFormat: 'iife',
        // The shell only: engines, cores and traineddata are cached at run time.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}', 'assets/word-vectors-*.bin'],
        // web-llm (6 MB, useful only with WebGPU and a downloaded model) is cached when first used.
        globIgnores: ['vendor/**', 'assets/webllm-*', 'assets/llm-*'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      manifest: {
        name: 'OCR.chat',
        short_name: 'OCR.chat',
        description: 'Images and PDFs to text, Markdown, tables and JSON, on your device. Nothing is uploaded.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0f172a',
        theme_color: '#2563eb',
        // Share an image or a PDF into the app (the service worker receives it), or open one with it.
        share_target: {
          action: '/share-target/',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { title: 'title', text: 'text', files: [{ name: 'files', accept: ['image/*', 'application/pdf', '.pdf', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp', '.tif', '.tiff'] }] },
        },
        file_handlers: [
          {
            action: '/',
            accept: {
              'application/pdf': ['.pdf'],
              'image/png': ['.png'],
              'image/jpeg': ['.jpg', '.jpeg'],
              'image/webp': ['.webp'],
              'image/gif': ['.gif'],
              'image/bmp': ['.bmp'],
              'image/tiff': ['.tif', '.tiff'],
            },
          },
        ],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    // OCR_DIST: another output folder, so that parallel builds and test runs keep apart.
    outDir: process.env.OCR_DIST ?? 'dist',
    target: 'es2022',
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html' },
      output: {
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('@mlc-ai/web-llm')) ? 'assets/webllm-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  worker: { format: 'es', plugins: () => [pdfjsTextFonts()] },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
});
