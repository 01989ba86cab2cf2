// Chat over a job's text: the search index, the answerers, and the prompt for a model.
export type { Answerer, AnswerInput } from './types';
export { buildIndex, retrieve, type DocIndex, type Passage } from './search';
export { extractiveAnswerer, NOT_FOUND } from './extractive';
export { secondOpinion, UNSURE_BELOW, type LineReader } from './second-opinion';
export { buildPrompt, parseCitations, SYSTEM_PROMPT, type PromptMessage } from './prompt';
