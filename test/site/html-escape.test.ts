import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { escapeHtml, html } from '../../src/render/html.js';

/*
 * escapeHtml is what keeps ladder text (names, titles, summaries) from becoming markup on the
 * site. It returns text that needs nothing as it is, without replacing: the result must be the
 * same as escaping every character always.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the reference removes them too
const reference = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

describe('escapeHtml', () => {
  test('escapes what must be escaped, removes C0 controls, and leaves the rest as it is', () => {
    const char = fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\u0008', '\t', '\n', '\r', '\u000b', '\u001f', '\u007f', '\u0085', 'é', '日', '🎉'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 20 }), (chars) => {
        const text = chars.join('');
        expect(escapeHtml(text)).toBe(reference(text));
      }),
      { numRuns: 5_000 },
    );
  });

  test('in templates: interpolated text is escaped, a script stays text', () => {
    expect(html`<p title="${'a"b'}">${'<script>alert(1)</script> & more'}</p>`.value).toBe(
      '<p title="a&quot;b">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>',
    );
    expect(escapeHtml('plain words')).toBe('plain words');
  });
});
