import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { revealIndex, virtualList, type VirtualRange } from './virtual-list.js';

interface Row {
  readonly id: string;
  readonly label: string;
}

const rowsOf = (count: number, prefix = 'Row'): Row[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${i}`, label: `${prefix} ${i}` }));

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await frame();
};

const STYLE = `
  .scroll { height: 400px; overflow: auto; width: 300px; }
  .head { position: sticky; top: 0; height: 40px; background: white; }
  .self { height: 300px; overflow-y: auto; width: 300px; }
  .row { height: 30px; box-sizing: border-box; }
`;

let mount: HTMLElement;
beforeEach(() => {
  mount = document.createElement('div');
  const style = document.createElement('style');
  style.textContent = STYLE;
  mount.append(style);
  document.body.append(mount);
});
afterEach(() => {
  render(null, mount);
  mount.remove();
});

interface Options {
  readonly items: readonly Row[];
  readonly itemHeight?: number;
  readonly ranges?: VirtualRange[];
  readonly withHeader?: boolean;
}

/** A list inside a `.scroll` ancestor (below a sticky 40px header when `withHeader`). */
function renderList({ items, itemHeight = 30, ranges, withHeader = false }: Options) {
  const target = document.createElement('div');
  mount.append(target);
  const draw = (list: readonly Row[]) =>
    render(
      html`<div class="scroll">
        ${withHeader ? html`<div class="head">Header</div>` : ''}
        <div class="rows">
          ${virtualList({
            items: list,
            key: (row) => row.id,
            renderItem: (row, index) =>
              html`<div class="row" data-index=${index} tabindex="-1">${row.label}</div>`,
            itemHeight,
            scroller: '.scroll',
            onRangeChange: (range) => ranges?.push(range),
          })}
        </div>
      </div>`,
      target,
    );
  draw(items);
  const scroller = target.querySelector<HTMLElement>('.scroll')!;
  const container = target.querySelector<HTMLElement>('.rows')!;
  const shown = () =>
    [...container.querySelectorAll<HTMLElement>('.row')].map((r) => Number(r.dataset['index']));
  return { draw, scroller, container, shown };
}

describe('virtualList', () => {
  it('renders the rows in view and a few more, with a scrollbar for every row', async () => {
    const ranges: VirtualRange[] = [];
    const { scroller, shown } = renderList({ items: rowsOf(10_000), ranges });
    await frames(2);
    const indexes = shown();
    // 400px shows 14 rows of 30px; four more below, none above the first.
    expect(indexes[0]).to.equal(0);
    expect(indexes.length).to.be.within(14, 14 + 2 * 4 + 1);
    expect(indexes).to.deep.equal(indexes.map((_, i) => i));
    expect(scroller.scrollHeight).to.equal(10_000 * 30);
    expect(ranges.at(-1)).to.deep.equal({ first: 0, last: indexes.at(-1), count: 10_000 });
  });

  it('follows the scroll position and tells which range is rendered', async () => {
    const ranges: VirtualRange[] = [];
    const { scroller, container, shown } = renderList({ items: rowsOf(10_000), ranges });
    await frames(2);
    scroller.scrollTop = 3000; // row 100 at the top
    await frames(2);
    const indexes = shown();
    expect(indexes[0]).to.be.within(100 - 8, 100);
    expect(indexes.at(-1)).to.be.within(100 + 13, 100 + 13 + 8);
    // Each row sits where its index says.
    const row = container.querySelector<HTMLElement>('[data-index="100"]')!;
    expect(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top).to.equal(0);
    expect(row.textContent).to.equal('Row 100');
    expect(ranges.at(-1)).to.deep.equal({
      first: indexes[0],
      last: indexes.at(-1),
      count: 10_000,
    });
    expect(scroller.scrollHeight).to.equal(10_000 * 30);
  });

  it('keeps the element of a row that stays in range', async () => {
    const { scroller, container } = renderList({ items: rowsOf(1000) });
    await frames(2);
    const row = container.querySelector('[data-index="10"]');
    scroller.scrollTop = 60;
    await frames(2);
    expect(container.querySelector('[data-index="10"]')).to.equal(row);
  });

  it('measures the rows when their height differs from the estimate', async () => {
    const { scroller, container, shown } = renderList({ items: rowsOf(1000), itemHeight: 10 });
    await frames(3);
    expect(scroller.scrollHeight).to.equal(1000 * 30);
    scroller.scrollTop = 30 * 500;
    await frames(2);
    expect(shown()).to.include(500);
    const row = container.querySelector<HTMLElement>('[data-index="500"]')!;
    expect(row.getBoundingClientRect().top).to.equal(scroller.getBoundingClientRect().top);
  });

  it('places rows below what precedes them in the scroller (a sticky header)', async () => {
    const { scroller, container } = renderList({ items: rowsOf(1000), withHeader: true });
    await frames(2);
    expect(scroller.scrollHeight).to.equal(40 + 1000 * 30);
    scroller.scrollTop = 40 + 30 * 200;
    await frames(2);
    const row = container.querySelector<HTMLElement>('[data-index="200"]')!;
    expect(row.getBoundingClientRect().top).to.equal(scroller.getBoundingClientRect().top);
    // Rendered down to the bottom of the viewport.
    const rendered = [...container.querySelectorAll<HTMLElement>('.row')];
    expect(rendered.at(-1)!.getBoundingClientRect().bottom).to.be.at.least(
      scroller.getBoundingClientRect().bottom,
    );
  });

  it('scrolls a row not yet rendered into view, renders it at once and lets it take focus', async () => {
    const { scroller, container } = renderList({ items: rowsOf(10_000), withHeader: true });
    await frames(2);
    expect(container.querySelector('[data-index="5000"]')).to.equal(null);
    const row = revealIndex(container, 5000)!;
    expect(row.dataset['index']).to.equal('5000');
    expect(row.textContent).to.equal('Row 5000');
    row.focus();
    expect(document.activeElement).to.equal(row);
    // In view, at the bottom edge (the least scroll that shows it).
    const box = scroller.getBoundingClientRect();
    expect(row.getBoundingClientRect().bottom).to.equal(box.bottom);
    // Going back up, the row comes to rest below the sticky header.
    const first = revealIndex(container, 3)!;
    expect(first.getBoundingClientRect().top).to.equal(box.top + 40);
    await frames(2);
    expect(container.querySelector('[data-index="3"]')).to.equal(first);
    expect(revealIndex(container, 10_000)).to.equal(undefined);
    expect(revealIndex(container, -1)).to.equal(undefined);
    expect(revealIndex(null, 3)).to.equal(undefined);
  });

  it('keeps the DOM bounded however far it scrolls', async () => {
    const { scroller, container, shown } = renderList({ items: rowsOf(100_000) });
    await frames(2);
    let most = 0;
    // 6,000 rows, 10 a frame.
    for (let i = 0; i < 600; i++) {
      scroller.scrollTop += 300;
      await frame();
      most = Math.max(most, container.childNodes.length);
    }
    await frames(2);
    const rows = shown();
    expect(rows[0]).to.be.greaterThan(5900);
    // The rows, a start and an end marker around each, the list's own marker(s) and the text
    // around them; no markers left behind by rows scrolled past.
    const comments = [...container.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE);
    expect(comments.length).to.be.at.most(2 * rows.length + 2);
    expect(most).to.be.at.most(3 * (14 + 2 * 8 + 1) + 4);
    expect(container.getElementsByTagName('*').length).to.equal(rows.length);
  });

  it('gives the elements of rows scrolled away to the rows scrolled in, with their content', async () => {
    const { scroller, container, shown } = renderList({ items: rowsOf(10_000) });
    await frames(2);
    const rows = () => [...container.querySelectorAll<HTMLElement>('.row')];
    const seen = new Set<Element>(rows());
    let most = seen.size;
    for (let i = 0; i < 20; i++) {
      scroller.scrollTop += 300; // 10 rows a frame
      await frame();
      for (const row of rows()) seen.add(row);
      most = Math.max(most, rows().length);
    }
    await frames(1);
    expect(shown()[0]).to.be.greaterThan(190);
    // 200 rows went by, yet no more elements were ever built than were in the DOM at once.
    expect(seen.size).to.equal(most);
    for (const row of rows()) expect(row.textContent).to.equal(`Row ${row.dataset['index']}`);
  });

  it('never gives the element of the focused row to another row', async () => {
    const { scroller, container } = renderList({ items: rowsOf(10_000) });
    await frames(2);
    const row = container.querySelector<HTMLElement>('[data-index="5"]')!;
    row.focus();
    scroller.scrollTop = 30 * 1000;
    await frames(2);
    // The row left with its element; no other row took it over, focus and all.
    expect(row.isConnected).to.equal(false);
    expect(row.textContent).to.equal('Row 5');
    expect(container.contains(document.activeElement)).to.equal(false);
    scroller.scrollTop = 0;
    await frames(2);
    expect(container.querySelector('[data-index="5"]')!.textContent).to.equal('Row 5');
  });

  it('renders what the host renders: new labels, more rows, fewer rows', async () => {
    const ranges: VirtualRange[] = [];
    const { draw, scroller, shown, container } = renderList({ items: rowsOf(50), ranges });
    await frames(2);
    draw(rowsOf(50, 'Item'));
    expect(container.querySelector('[data-index="0"]')!.textContent).to.equal('Item 0');
    draw(rowsOf(200, 'Item'));
    await frames(1);
    expect(scroller.scrollHeight).to.equal(200 * 30);
    expect(ranges.at(-1)!.count).to.equal(200);
    scroller.scrollTop = 30 * 190;
    await frames(2);
    expect(shown().at(-1)).to.equal(199);
    draw(rowsOf(3, 'Item'));
    await frames(2);
    expect(shown()).to.deep.equal([0, 1, 2]);
    expect(scroller.scrollHeight).to.equal(400);
    draw([]);
    await frames(1);
    expect(shown()).to.deep.equal([]);
    expect(ranges.at(-1)).to.deep.equal({ first: 0, last: -1, count: 0 });
  });

  it('moves rows that the host reorders, keeping their elements', async () => {
    const { draw, container } = renderList({ items: rowsOf(5) });
    await frames(1);
    const before = [...container.querySelectorAll('.row')];
    const items = rowsOf(5);
    draw([items[4]!, items[0]!, items[1]!, items[2]!, items[3]!]);
    const after = [...container.querySelectorAll('.row')];
    expect(after.map((r) => r.textContent)).to.deep.equal([
      'Row 4',
      'Row 0',
      'Row 1',
      'Row 2',
      'Row 3',
    ]);
    expect(after[0]).to.equal(before[4]);
    expect(after[1]).to.equal(before[0]);
  });

  it('is scrolled by its parent when no scroller is named', async () => {
    const target = document.createElement('div');
    mount.append(target);
    render(
      html`<div class="self">
        <div class="list">
          ${virtualList({
            items: rowsOf(1000),
            key: (row) => row.id,
            renderItem: (row, index) =>
              html`<div class="row" data-index=${index}>${row.label}</div>`,
            itemHeight: 30,
          })}
        </div>
      </div>`,
      target,
    );
    const scroller = target.querySelector<HTMLElement>('.self')!;
    await frames(2);
    expect(scroller.scrollHeight).to.equal(1000 * 30);
    scroller.scrollTop = 30 * 700;
    await frames(2);
    expect(scroller.querySelector('[data-index="700"]')!.getBoundingClientRect().top).to.equal(
      scroller.getBoundingClientRect().top,
    );
    expect(scroller.querySelectorAll('.row').length).to.be.at.most(10 + 2 * 8 + 1);
  });

  it('rejects an item height that is not a positive number, and a missing scroller', () => {
    const draw = (itemHeight: number, scroller?: string) => {
      const target = document.createElement('div');
      mount.append(target);
      render(
        html`<div>
          ${virtualList({
            items: rowsOf(3),
            key: (row) => row.id,
            renderItem: (row) => html`<div>${row.label}</div>`,
            itemHeight,
            ...(scroller && { scroller }),
          })}
        </div>`,
        target,
      );
    };
    expect(() => draw(0)).to.throw(RangeError, /itemHeight/);
    expect(() => draw(Number.NaN)).to.throw(RangeError, /itemHeight/);
    expect(() => draw(30, '.nowhere')).to.throw(TypeError, /\.nowhere/);
    // A list whose container has no parent: nothing could scroll it.
    const lone = document.createElement('div');
    expect(() =>
      render(
        virtualList({
          items: rowsOf(3),
          key: (row) => row.id,
          renderItem: (row) => html`<div>${row.label}</div>`,
          itemHeight: 30,
        }),
        lone,
      ),
    ).to.throw(TypeError, /no parent/);
  });
});
