/// <reference lib="webworker" />
// The service worker, built as /sw.js: precache, runtime cache, the /api/v1/ relay (src/sw/router.ts).
import { startServiceWorker } from '../src/sw/router';

startServiceWorker();
