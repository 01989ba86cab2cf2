// Cache Storage names shared by the service worker and the app (kept apart from src/sw, which the app need not load).

/** engines, WASM cores, traineddata and the app's own models, cached when first fetched */
export const ENGINE_CACHE = 'ocrchat-engines-v1';
/** models downloaded from a model host in Settings → Models, keyed by their own URLs */
export const MODEL_CACHE = 'ocrchat-models-v1';
