import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/ui/markdown';

describe('the Markdown tab renders OCR text safely', () => {
  it('shows raw HTML as text', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <b>bold</b>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<script|<b>|<div/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;');
  });

  it('never loads images and links only to http(s) and mailto', () => {
    const html = renderMarkdown('![logo](https://example.com/a.png) [ok](https://example.com) [bad](javascript:alert(1))');
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('logo');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">ok</a>');
    expect(html).not.toMatch(/javascript:/);
  });

  it('keeps headings, lists and pipe tables', () => {
    const html = renderMarkdown('# Title\n\n- one\n- two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n');
    expect(html).toMatch(/<h1[^>]*>Title<\/h1>/);
    expect(html).toMatch(/<li>one<\/li>/);
    expect(html).toMatch(/<th>a<\/th>/);
  });
});
