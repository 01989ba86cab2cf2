// Before a worker is started with a language set, every language in it is made ready on
// this device (src/languages/obtain.ts): Tesseract never fetches what was not verified, and
// a language that cannot be had fails the page at once, with a sentence, instead of leaving
// a worker that never starts.
import { UserError } from '../../shared/errors';
import { languageLabel } from '../../languages/names';
import { obtainLanguage, type LanguageErrorCode, type LanguageProgress } from '../../languages/obtain';

/** A page's language cannot be had: no retry helps, and the page is not charged. */
export class LanguageError extends UserError {
  constructor(code: LanguageErrorCode, detail: string) {
    super(code, detail);
    this.name = 'LanguageError';
  }
}

/** What a job says while its language downloads: "Downloading Greek (ell): 40% of 2.9 MB". */
export function downloadNote(p: LanguageProgress): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const share = p.total ? `${Math.min(100, Math.round((p.received / p.total) * 100))}% of ${mb(p.total)}` : mb(p.received);
  return `Downloading ${languageLabel(p.code)}: ${share}`;
}

/** Makes every language of `set` ('eng+deu') ready, or throws a LanguageError naming the first that is not. */
export async function readyLanguages(set: string, onNote?: (note: string | null) => void): Promise<void> {
  let noted = false;
  const results = await Promise.all(
    set.split('+').map((code) =>
      obtainLanguage(code, {
        onProgress: (p) => {
          noted = true;
          onNote?.(downloadNote(p));
        },
      }),
    ),
  );
  if (noted) onNote?.(null);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new LanguageError(failed.code, failed.detail);
}
