import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes every interpolation of the html tag except built markup', () => {
    const items = ['<i>', 'b&b'];
    expect(html`<p title="${'"x"'}">${'<script>'}${new SafeHtml('<br>')}${items.map((i) => html`<li>${i}</li>`)}${null}${false}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;<br><li>&lt;i&gt;</li><li>b&amp;b</li></p>',
    );
  });
});
