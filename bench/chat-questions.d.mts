export interface QuestionDoc { file: string; mime: string; gt: string[]; dir?: string }
export interface Question { doc: string; q: string; answers: string[] | null; pages?: number[]; quote: string; heldout?: boolean; batch?: string }
export interface Reply { content: string; citations?: Array<{ page: number; snippet: string }> }
export function loadQuestions(): { docs: Record<string, QuestionDoc>; questions: Question[] };
export function fold(s: string): string;
export function statesAnswer(content: string, answer: string): boolean;
export function declines(reply: Reply): boolean;
export function scoreReply(q: Question, reply: Reply, pageText: (page: number) => string): { ok: boolean; stated: boolean; cited: boolean };
type Part = { right: number; of: number };
export function summarise(rows: Array<{ q: Question; ok: boolean }>): { all: Part; tuned: Part; heldout: Part; b2: Part; b3: Part; b4: Part; b5: Part; b6: Part; b7: Part; b8: Part; b9: Part; answerable: Part; unanswerable: Part };
