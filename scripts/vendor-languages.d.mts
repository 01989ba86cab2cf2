/** Types of scripts/vendor-languages.mjs (for the unit test). */
export interface VendoredLanguage {
  code: string;
  bytes: number;
}
export function vendorLanguages(o: {
  outDir: string;
  shipped: string[];
  dataDir: string;
  all?: boolean;
  known?: string[];
  debianDirs?: string[];
  log?: (line: string) => void;
}): { shipped: VendoredLanguage[]; vendored: VendoredLanguage[] };
