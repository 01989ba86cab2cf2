// The chat answerer's word vectors (src/chat/vectors.ts), fetched from the app's own origin
// the first time a question is asked and kept for the session. The service worker precaches
// the file, so chat matches words by meaning offline too. Without it (a failed fetch, a
// damaged file) questions are answered by their own words, as before, and the console says why.
import vectorsUrl from '../chat/assets/word-vectors.bin?url';
import { parseWordVectors, type WordVectors } from '../chat/vectors';

let loading: Promise<WordVectors | undefined> | null = null;

export function wordVectors(): Promise<WordVectors | undefined> {
  loading ??= fetch(vectorsUrl)
    .then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return parseWordVectors(await r.arrayBuffer());
    })
    .catch((err: unknown) => {
      console.warn(`chat: the word vectors (${vectorsUrl}) could not be loaded; questions are matched by their own words only`, err);
      loading = null;
      return undefined;
    });
  return loading;
}
