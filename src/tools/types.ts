import type { Job, Page } from '../shared/contract';
import type { ToolMeta, ToolRecipe } from '../shared/tools';

/** One tool: its meta, what it asks of the engines and the layout, and what it adds to a finished job. */
export interface Tool {
  meta: ToolMeta;
  recipe?: ToolRecipe;
  /** what the tool adds to a finished job, read from its pages (and the job's options) */
  finish?: (pages: readonly Page[], job: Pick<Job, 'language' | 'translate_to'>) => Partial<Job>;
}
