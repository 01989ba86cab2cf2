// Chrome's built-in model through its Prompt API (the `LanguageModel` global, Chrome 138+
// on desktop): no download of ours, and the best answerer where it is ready. Used only when
// it says 'available': a model Chrome would first have to download ('downloadable') is left
// alone, since that download needs a click and takes minutes.
import type { PromptMessage } from '../prompt';
import type { TextModel } from './model';

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface LanguageModelSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): AsyncIterable<string>;
  destroy(): void;
}

interface LanguageModelStatic {
  availability(options?: Record<string, unknown>): Promise<Availability>;
  create(options?: {
    initialPrompts?: PromptMessage[];
    signal?: AbortSignal;
    monitor?: (m: EventTarget) => void;
    expectedInputs?: { type: 'text'; languages?: string[] }[];
    expectedOutputs?: { type: 'text'; languages?: string[] }[];
  }): Promise<LanguageModelSession>;
}

export const PROMPT_API_ID = 'prompt-api';
const TEXT_IO = { expectedInputs: [{ type: 'text' as const }], expectedOutputs: [{ type: 'text' as const }] };

function languageModel(): LanguageModelStatic | null {
  const lm = (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;
  return lm && typeof lm.availability === 'function' && typeof lm.create === 'function' ? lm : null;
}

/** Chrome's model as a TextModel when it is there and ready; else null. */
export async function promptApiModel(): Promise<TextModel | null> {
  const lm = languageModel();
  if (!lm) return null;
  let availability: Availability;
  try {
    availability = await lm.availability(TEXT_IO);
  } catch {
    return null;
  }
  if (availability !== 'available') return null;
  return {
    id: PROMPT_API_ID,
    label: "Chrome's built-in model",
    async generate(messages, onText, signal) {
      // The system prompt and the conversation open the session; the last message is the prompt.
      const initialPrompts = messages.slice(0, -1);
      const last = messages.at(-1)!;
      const session = await lm.create({
        ...TEXT_IO,
        initialPrompts,
        signal,
        monitor: (m) => m.addEventListener('downloadprogress', (e) => console.debug('Prompt API download', (e as Event & { loaded?: number }).loaded)),
      });
      try {
        let text = '';
        for await (const chunk of session.promptStreaming(last.content, { signal })) {
          // Chrome streams pieces; builds before 137 streamed the whole text so far.
          text = text && chunk.startsWith(text) ? chunk : text + chunk;
          onText(text);
        }
        return text;
      } finally {
        session.destroy();
      }
    },
  };
}
