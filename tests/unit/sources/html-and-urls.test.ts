import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/core/sources/canonical-url.ts';
import { htmlToText } from '../../../src/core/sources/html-to-text.ts';

describe('HTML to plain text', () => {
  it('strips tags, drops script and style, decodes entities and collapses whitespace', () => {
    const html = `<style>p{color:red}</style><p>Police&nbsp;will <b>never</b>\n\n ask for your&#32;PIN &amp; card.</p><script>steal()</script><ul><li>Hang up</li><li>Call 101</li></ul>`;
    expect(htmlToText(html)).toBe('Police will never ask for your PIN & card. Hang up Call 101');
  });

  it('keeps block boundaries as spaces so words do not run together', () => {
    expect(htmlToText('<p>one</p><p>two</p>three<br>four')).toBe('one two three four');
  });

  it('leaves plain text alone apart from whitespace', () => {
    expect(htmlToText('  a   b  ')).toBe('a b');
  });

  it('never yields markup, even from escaped or broken HTML', () => {
    const text = htmlToText('<img src=x onerror="alert(1)"><a href="javascript:x">link</a> <unclosed');
    expect(text).toBe('link');
  });
});

describe('canonical item URLs', () => {
  it('resolves relative links against the page URL', () => {
    expect(canonicalUrl('/news/a/', 'https://www.kent.police.uk/news/kent/latest/')).toBe('https://www.kent.police.uk/news/a/');
    expect(canonicalUrl('b/', 'https://www.kent.police.uk/news/kent/latest/')).toBe('https://www.kent.police.uk/news/kent/latest/b/');
  });

  it('removes utm_* parameters (any case) and the fragment, keeping other parameters', () => {
    expect(canonicalUrl('https://x.example/a?id=7&utm_source=rss&UTM_Medium=feed#top')).toBe('https://x.example/a?id=7');
    expect(canonicalUrl('https://x.example/a?utm_campaign=z')).toBe('https://x.example/a');
  });

  it('refuses anything but http(s)', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'mailto:a@b.c', '', 'http://[bad']) {
      expect(canonicalUrl(bad, 'https://x.example/'), bad).toBeNull();
    }
  });
});
