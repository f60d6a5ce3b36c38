import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { removeRepeatLeftovers } from './repeat-leftovers.js';

const comments = (host: Node) =>
  [...host.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
const texts = (host: Element) => [...host.children].map((li) => li.textContent);

describe('removeRepeatLeftovers', () => {
  it('removes the markers repeat leaves behind and nothing repeat still uses', () => {
    const container = document.createElement('div');
    const view = (items: readonly number[]) =>
      html`<ul>
        ${repeat(
          items,
          (i) => i,
          (i) => html`<li>${i}</li>`,
        )}
      </ul>`;
    const window = (first: number) => Array.from({ length: 5 }, (_, i) => first + i);
    render(view(window(0)), container);
    const ul = container.querySelector('ul')!;
    // Slide the window like a virtualizer scrolling down, then back up.
    for (let first = 1; first <= 40; first++) render(view(window(first)), container);
    expect(comments(ul)).to.be.greaterThan(2 * 5 + 1); // leftovers from lit-html's repeat
    removeRepeatLeftovers(ul);
    // Two markers per item, one for the list's own part.
    expect(comments(ul)).to.equal(2 * 5 + 1);
    for (let first = 39; first >= 20; first--) {
      render(view(window(first)), container);
      removeRepeatLeftovers(ul);
    }
    expect(texts(ul)).to.deep.equal(['20', '21', '22', '23', '24']);
    // Repeat still works over the pruned markers: reorder, remove, add, clear.
    render(view([24, 22, 99, 20]), container);
    removeRepeatLeftovers(ul);
    expect(texts(ul)).to.deep.equal(['24', '22', '99', '20']);
    render(view([]), container);
    removeRepeatLeftovers(ul);
    expect(texts(ul)).to.deep.equal([]);
    render(view([1, 2]), container);
    expect(texts(ul)).to.deep.equal(['1', '2']);
  });
});
