// Markdown rules that the layout (a page's own Markdown) and the Markdown export share.

/**
 * A list item as Markdown, its marker as the page shows it: "3." and "4)" are Markdown's
 * own; a bullet becomes "-"; a marker Markdown has no list for ("a)", "(2)") stays the
 * item's first word, under "-". `escape` keeps the item's text from reading as Markdown.
 */
export function listItemMarkdown(marker: string, text: string, escape: (text: string) => string): string {
  if (/^\d{1,9}[.)]$/.test(marker)) return `${marker} ${escape(text)}`;
  if (!marker || !/[\p{L}\p{N}]/u.test(marker)) return `- ${escape(text)}`;
  return `- ${marker} ${text}`;
}
