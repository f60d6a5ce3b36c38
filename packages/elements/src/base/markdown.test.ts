import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderMarkdown, safeUrl } from './markdown.js';

function dom(markdown: string, headingLevel?: number): HTMLElement {
  const container = document.createElement('div');
  render(renderMarkdown(markdown, headingLevel ? { headingLevel } : {}), container);
  return container;
}

describe('renderMarkdown / safeUrl', () => {
  it('accepts only http, https, mailto, tel and relative link targets', () => {
    for (const ok of [
      'https://a.example/x?y#z',
      'http://a',
      'mailto:a@b.c',
      'tel:+8613800138000',
      '/help/1',
      './a',
      '../b',
      '#top',
      '?q=1',
      '//cdn.example/x',
    ])
      expect(safeUrl(ok), ok).to.equal(ok);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'blob:https://a/b',
      '',
    ])
      expect(safeUrl(bad), JSON.stringify(bad)).to.equal(null);
  });

  it('builds elements for the supported subset', () => {
    const root = dom(
      [
        '# Title',
        '',
        'Some **bold**, *em*, ~~gone~~, `code` and snake_case_name.',
        'Line two  ',
        'after a hard break.',
        '',
        '- one',
        '- two',
        '  - nested',
        '',
        '3. three',
        '4. four',
        '',
        '> quoted',
        '',
        '```',
        '<b>not bold</b>',
        '```',
        '',
        '| a | b |',
        '| :-: | --: |',
        '| 1 \\| 2 | 3 |',
        '',
        '---',
      ].join('\n'),
      3,
    );
    expect(root.querySelector('h3')!.textContent).to.equal('Title');
    expect(root.querySelector('strong')!.textContent).to.equal('bold');
    expect(root.querySelector('em')!.textContent).to.equal('em');
    expect(root.querySelector('del')!.textContent).to.equal('gone');
    expect(root.querySelector('p code')!.textContent).to.equal('code');
    expect(root.textContent).to.contain('snake_case_name');
    expect(root.querySelector('p br')).not.to.equal(null);
    expect(root.querySelectorAll('ul > li')).to.have.length(3);
    expect(root.querySelector('ul ul li')!.textContent).to.contain('nested');
    expect(root.querySelector('ol')!.getAttribute('start')).to.equal('3');
    expect(root.querySelector('blockquote p')!.textContent).to.equal('quoted');
    expect(root.querySelector('pre code')!.textContent).to.equal('<b>not bold</b>');
    expect(root.querySelector('pre b')).to.equal(null);
    expect(root.querySelector('th')!.className).to.equal('align-center');
    expect(root.querySelector('td')!.textContent).to.equal('1 | 2');
    expect(root.querySelector('hr')).not.to.equal(null);
  });

  it('keeps link text and drops unsafe targets; images become links, never <img>', () => {
    const root = dom(
      '[ok](https://example.com "t") [bad](javascript:alert(1)) ![logo](/logo.png) ![x](javascript:alert(1)) https://example.org/a. <https://example.net>',
    );
    const links = [...root.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).to.deep.equal([
      ['ok', 'https://example.com'],
      ['logo', '/logo.png'],
      ['https://example.org/a', 'https://example.org/a'],
      ['https://example.net', 'https://example.net'],
    ]);
    expect(root.textContent).to.contain('bad');
    expect(root.querySelector('img')).to.equal(null);
  });

  it('shows raw HTML as text and survives deep nesting', () => {
    const root = dom('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(root.querySelector('img, script')).to.equal(null);
    expect(root.textContent).to.contain('<img src=x onerror=alert(1)>');
    const deep = dom(`${'> '.repeat(200)}deep ${'['.repeat(500)}x${']'.repeat(500)}`);
    expect(deep.textContent).to.contain('deep');
  });
});
