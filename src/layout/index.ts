// Layout: from an engine's words, lines and paragraphs to the contract's Page (reading
// order, block kinds, tables, text and Markdown). Pure: no engine, no DOM, runs anywhere.
export { layoutPage, joinPages, wordsOf, type LayoutOptions } from './page';
export { pipeTable } from './markdown';
