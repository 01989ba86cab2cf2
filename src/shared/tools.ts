// The tools' vocabulary: what a tool is (its meta) and what it asks of the engines and the
// layout (its recipe, data without a slug). The tools themselves are modules in src/tools/.
import type { Tier } from './contract';
import type { ModelTask } from './models';

export interface ToolMeta {
  slug: string;
  label: string;
  /** what it does, shown before the upload */
  description: string;
  /** the tier it needs, when it needs one (given to a job that names none) */
  tier?: Tier;
  /** it needs translate_to */
  needsTarget?: boolean;
  /** a model it cannot work without (downloaded in Settings → Models), by task */
  needsModel?: ModelTask;
  /** a model it uses when one is downloaded, by task */
  usesModel?: ModelTask;
}

/** What a tool asks of the engines and the layout. */
export interface ToolRecipe {
  /** the vlm engine re-reads each line or block with the model of this task */
  reread?: { task: ModelTask; unit: 'line' | 'block'; purpose: string };
  /** the vlm engine hands the whole page to a page model when one is downloaded */
  pageModel?: boolean;
  /** the layout takes a table from this many rows (3 otherwise) */
  minTableRows?: number;
  /** the tool's fields read from a line the engine was unsure of are read again by the other tier's recogniser (src/host/unsure-fields.ts) */
  checkFields?: boolean;
  /** the cpu engine reads the doubtful cells of the page's ruled tables again, each on its own
   * (every engine finds a page's ruling lines, EnginePage.rules, whatever the tool, and the
   * layout builds ruled tables from them, cell by cell, with merged cells) */
  rules?: boolean;
}
