// The languages the picker and Settings offer, kept current: the build's, the language
// source's (which a person may change in Settings) and those already on this device.
import { savedCodes } from '../languages/obtain';
import { languageSource, offeredLanguages } from '../languages/offered';

class OfferedLanguages {
  codes = $state<string[]>(offeredLanguages());
  source = $state(languageSource());

  /** Reads the source and the device's copies again (after a download, a removal, a new source). */
  async refresh(): Promise<void> {
    const saved = await savedCodes().catch(() => [] as string[]);
    this.source = languageSource();
    this.codes = offeredLanguages(this.source, saved);
  }
}

export const offered = new OfferedLanguages();
