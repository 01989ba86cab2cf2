// Every tesseract.js path is absolute and on the app's own origin: its defaults point at a CDN.
export function tesseractPaths(): { workerPath: string; corePath: string; langPath: string } {
  const base = new URL(import.meta.env.BASE_URL, location.href);
  return {
    workerPath: new URL('vendor/tesseract/worker.min.js', base).href,
    corePath: new URL('vendor/tesseract/core/', base).href,
    langPath: new URL('vendor/lang/', base).href.replace(/\/$/, ''),
  };
}
