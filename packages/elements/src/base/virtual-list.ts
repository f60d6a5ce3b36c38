import { noChange, type ChildPart, type TemplateResult } from 'lit';
import {
  AsyncDirective,
  directive,
  PartType,
  type DirectiveResult,
  type PartInfo,
} from 'lit/async-directive.js';
import {
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue,
} from 'lit/directive-helpers.js';

/** The items a virtual list renders: `first`…`last` (inclusive; `last < first` when none). */
export interface VirtualRange {
  readonly first: number;
  readonly last: number;
  /** How many items the list has (rendered or not). */
  readonly count: number;
}

export interface VirtualListOptions<T> {
  readonly items: readonly T[];
  /** A stable identity: an item keeps its element while it stays rendered. */
  readonly key: (item: T) => unknown;
  /** One element per item (a template with a single root element), all of the same height. */
  readonly renderItem: (item: T, index: number) => TemplateResult;
  /**
   * The height of an item in px until the first rendered item has been measured: give the
   * default theme's height, and the first frame needs no second layout.
   */
  readonly itemHeight: number;
  /** Items rendered beyond each edge of the viewport (default 4). */
  readonly overscan?: number;
  /**
   * The element that scrolls the list, as a selector for the closest ancestor of the container
   * that matches (`'.scroll'`); default: the container's parent. It needs a height of its own
   * (not its content's) and `overflow: auto`. The container itself must not scroll: the space
   * for the items not rendered is its padding.
   */
  readonly scroller?: string;
  /** Told the rendered range whenever it (or the item count) changes, a microtask later. */
  readonly onRangeChange?: (range: VirtualRange) => void;
}

const DEFAULT_OVERSCAN = 4;

// One ResizeObserver and one animation frame for every list on the page: in a frame, every list
// reads (its scroll position) before any list writes (renders), so lists never force each other's
// layout.
const byTarget = new WeakMap<Element, VirtualList>();
const byContainer = new WeakMap<Element, VirtualList>();
const scrolled = new Set<VirtualList>();
let frame = 0;
let resizeObserver: ResizeObserver | undefined;
/** Inside the ResizeObserver callback, where observing another element is put off a frame. */
let resizing = false;

function observer(): ResizeObserver {
  return (resizeObserver ??= new ResizeObserver((entries) => {
    const lists = new Set<VirtualList>();
    for (const entry of entries) {
      const list = byTarget.get(entry.target);
      if (list?.resized(entry)) lists.add(list);
    }
    resizing = true;
    try {
      for (const list of lists) list.measure();
      for (const list of lists) list.refresh(false);
    } finally {
      resizing = false;
    }
  }));
}

function afterScroll(list: VirtualList): void {
  scrolled.add(list);
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    const lists = [...scrolled];
    scrolled.clear();
    for (const list of lists) list.readScroll();
    for (const list of lists) list.refresh(false);
  });
}

/** Removes a rendered item, its markers included. */
function dispose(part: ChildPart): void {
  // removePart leaves the part's end marker behind; a list removing items on every scroll step
  // would gather one empty comment per item scrolled past.
  const end = part.endNode;
  removePart(part);
  end?.parentNode?.removeChild(end);
}

/** Whether `element` is inside the item rendered in `part`. */
function holds(part: ChildPart, element: Element): boolean {
  let node = part.startNode?.nextSibling;
  while (node && node !== part.endNode) {
    if (node.contains(element)) return true;
    node = node.nextSibling;
  }
  return false;
}

class VirtualList extends AsyncDirective {
  #options!: VirtualListOptions<unknown>;
  #part!: ChildPart;
  #container: HTMLElement | undefined;
  #scroller: HTMLElement | undefined;
  /** The rendered items' parts, in order, and their keys. */
  #parts: ChildPart[] = [];
  #keys: unknown[] = [];
  #first = 0;
  /** The measured element whose height is the list's item height. */
  #probe: Element | undefined;
  #itemHeight = 0;
  #viewport = 0;
  /** Where the container's top sits in the scroller's content, in px. */
  #offset = 0;
  #scrollTop = 0;
  #paddingTop = '';
  #paddingBottom = '';
  #reported: VirtualRange | undefined;
  #notifying = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD)
      throw new TypeError('virtualList() must be used in a child position of an element');
  }

  render(_options: VirtualListOptions<unknown>): unknown {
    return noChange;
  }

  override update(part: ChildPart, [options]: [VirtualListOptions<unknown>]): unknown {
    if (!Number.isFinite(options.itemHeight) || options.itemHeight <= 0)
      throw new RangeError(`virtualList(): itemHeight must be a positive number of px`);
    this.#options = options;
    this.#part = part;
    if (!this.#container) this.#setUp(part);
    this.refresh(true);
    return noChange;
  }

  #setUp(part: ChildPart): void {
    const container = part.parentNode;
    if (!(container instanceof HTMLElement))
      throw new TypeError('virtualList() must be the content of an element');
    const selector = this.#options.scroller;
    const scroller = selector
      ? container.parentElement?.closest<HTMLElement>(selector)
      : container.parentElement;
    if (!scroller)
      throw new TypeError(
        selector
          ? `virtualList(): no ancestor of its container matches ${selector}`
          : 'virtualList(): its container has no parent element to scroll it',
      );
    this.#container = container;
    this.#scroller = scroller;
    this.#itemHeight = this.#options.itemHeight;
    // Until the scroller has been laid out: no scroller shows more than the window does.
    this.#viewport = window.innerHeight;
    byContainer.set(container, this);
    this.#listen();
  }

  #listen(): void {
    const scroller = this.#scroller!;
    scroller.addEventListener('scroll', this.#handleScroll, { passive: true });
    byTarget.set(scroller, this);
    observer().observe(scroller);
    if (this.#probe) this.#observeProbe(this.#probe);
  }

  protected override disconnected(): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    scroller.removeEventListener('scroll', this.#handleScroll);
    observer().unobserve(scroller);
    if (this.#probe) observer().unobserve(this.#probe);
    scrolled.delete(this);
  }

  protected override reconnected(): void {
    if (this.#scroller) this.#listen();
  }

  #handleScroll = (): void => afterScroll(this);

  /** A size changed: true when the list must measure again. */
  resized(entry: ResizeObserverEntry): boolean {
    if (entry.target === this.#probe) {
      const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
      // A hidden item (height 0) says nothing about the others.
      if (height > 0) this.#itemHeight = height;
    }
    return true;
  }

  /** Reads what the last layout decided (called where layout is up to date). */
  measure(): void {
    const scroller = this.#scroller!;
    const container = this.#container!;
    this.#viewport = scroller.clientHeight;
    this.#scrollTop = scroller.scrollTop;
    this.#offset =
      container.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top -
      scroller.clientTop +
      this.#scrollTop;
  }

  /** The one read of a scroll frame. */
  readScroll(): void {
    if (this.#scroller) this.#scrollTop = this.#scroller.scrollTop;
  }

  /** The items overlapping the viewport, from the last measurements. */
  #visible(count: number, scrollTop = this.#scrollTop): [number, number] {
    const top = scrollTop - this.#offset;
    const first = Math.min(count - 1, Math.max(0, Math.floor(top / this.#itemHeight)));
    const last = Math.min(
      count - 1,
      Math.max(first, Math.ceil((top + this.#viewport) / this.#itemHeight) - 1),
    );
    return [first, last];
  }

  /**
   * Renders the items the viewport needs. `all` (the host rendered) renders every item again;
   * otherwise (a scroll or a resize) only the items coming into the range are rendered, and
   * nothing at all while the rendered range still covers the viewport with some overscan.
   */
  refresh(all: boolean, scrollTop?: number): void {
    if (!this.#container || (!all && !this.isConnected)) return;
    const count = this.#options.items.length;
    const overscan = Math.max(0, Math.floor(this.#options.overscan ?? DEFAULT_OVERSCAN));
    let first = 0;
    let last = -1;
    if (count > 0) {
      const [from, to] = this.#visible(count, scrollTop);
      const renderedLast = this.#first + this.#parts.length - 1;
      const covered =
        this.#parts.length > 0 &&
        this.#first <= from &&
        renderedLast >= to &&
        this.#first >= from - 2 * overscan &&
        renderedLast <= Math.min(count - 1, to + 2 * overscan);
      if (covered) [first, last] = [this.#first, renderedLast];
      else [first, last] = [Math.max(0, from - overscan), Math.min(count - 1, to + overscan)];
    }
    if (all || first !== this.#first || last - first + 1 !== this.#parts.length)
      this.#render(first, last, all);
    this.#pad(first, last, count);
    this.#report(first, last, count);
  }

  #render(first: number, last: number, all: boolean): void {
    const { items, key, renderItem } = this.#options;
    const keys: unknown[] = [];
    const wanted = new Map<unknown, number>();
    for (let i = first; i <= last; i++) {
      let k = key(items[i]);
      // Two items with one key would share an element: give the second an identity of its own.
      if (wanted.has(k)) k = [k];
      keys.push(k);
      wanted.set(k, i);
    }
    const kept = new Map<unknown, ChildPart>();
    // The parts of items leaving the range are given to the items coming in: lit then updates
    // the bindings of the element already there instead of building a new one, so scrolling
    // creates no elements, listeners or template instances (a long scroll used to leave
    // hundreds of thousands of dead nodes behind). The part holding the focus is never handed
    // to another item: the focus would move to a row the user did not choose.
    const spare: ChildPart[] = [];
    const focused = this.#focusedElement();
    this.#parts.forEach((part, i) => {
      const k = this.#keys[i];
      if (wanted.has(k)) kept.set(k, part);
      else if (focused && holds(part, focused)) dispose(part);
      else spare.push(part);
    });
    const parts: ChildPart[] = new Array<ChildPart>(keys.length);
    let next: ChildPart | undefined;
    for (let j = keys.length - 1; j >= 0; j--) {
      const index = first + j;
      let part = kept.get(keys[j]);
      const before = next ? next.startNode : this.#part.endNode;
      if (!part) {
        part = spare.pop();
        part = part ? insertPart(this.#part, next, part) : insertPart(this.#part, next);
        setChildPartValue(part, renderItem(items[index], index));
      } else {
        if (part.endNode?.nextSibling !== before) insertPart(this.#part, next, part);
        if (all) setChildPartValue(part, renderItem(items[index], index));
      }
      parts[j] = part;
      next = part;
    }
    for (const part of spare) dispose(part);
    this.#parts = parts;
    this.#keys = keys;
    this.#first = first;
    setCommittedValue(this.#part, parts);
    if (!this.#probe?.isConnected && parts.length > 0) {
      let node = parts[0]!.startNode?.nextSibling;
      while (node && !(node instanceof Element)) node = node.nextSibling;
      if (node) this.#observeProbe(node);
    }
  }

  /** The focused element when it is inside the list (in the list's document or shadow root). */
  #focusedElement(): Element | undefined {
    const container = this.#container!;
    const active = (container.getRootNode() as Document | ShadowRoot).activeElement;
    return active && container.contains(active) ? active : undefined;
  }

  #observeProbe(probe: Element): void {
    if (this.#probe && this.#probe !== probe) {
      observer().unobserve(this.#probe);
      byTarget.delete(this.#probe);
    }
    this.#probe = probe;
    byTarget.set(probe, this);
    // An element first observed inside the observer's callback, no deeper than the elements it
    // was called for, would be reported as a "ResizeObserver loop" error: observe it next frame.
    const observe = () => {
      if (this.#probe === probe && this.isConnected)
        observer().observe(probe, { box: 'border-box' });
    };
    if (resizing) requestAnimationFrame(observe);
    else observe();
  }

  /** The spacer: padding above and below the rendered items stands for the others. */
  #pad(first: number, last: number, count: number): void {
    const container = this.#container!;
    const top = count > 0 ? `${first * this.#itemHeight}px` : '0px';
    const bottom = count > 0 ? `${(count - 1 - last) * this.#itemHeight}px` : '0px';
    if (top !== this.#paddingTop) container.style.paddingTop = this.#paddingTop = top;
    if (bottom !== this.#paddingBottom)
      container.style.paddingBottom = this.#paddingBottom = bottom;
  }

  #report(first: number, last: number, count: number): void {
    const was = this.#reported;
    if (!this.#options.onRangeChange) return;
    if (was?.first === first && was.last === last && was.count === count) return;
    this.#reported = { first, last, count };
    if (this.#notifying) return;
    this.#notifying = true;
    // A microtask later: the host may re-render in answer, which it must not do inside its update.
    queueMicrotask(() => {
      this.#notifying = false;
      if (this.#reported) this.#options.onRangeChange?.(this.#reported);
    });
  }

  /**
   * Scrolls the least distance that shows item `index` (rendering it at once) and returns its
   * element; `undefined` when the list has no such item.
   */
  reveal(index: number): HTMLElement | undefined {
    const count = this.#options.items.length;
    if (!Number.isInteger(index) || index < 0 || index >= count || !this.#scroller)
      return undefined;
    const scroller = this.#scroller;
    // Whatever sits above the list inside the scroller (a grid's header row) is taken to be
    // sticky: an item scrolled up to comes to rest just below it.
    const top = index * this.#itemHeight;
    const bottom = this.#offset + top + this.#itemHeight;
    let scrollTop = scroller.scrollTop;
    if (top < scrollTop) scrollTop = top;
    else if (bottom > scrollTop + this.#viewport) scrollTop = bottom - this.#viewport;
    if (scrollTop !== scroller.scrollTop) scroller.scrollTop = scrollTop;
    this.#scrollTop = scrollTop;
    this.refresh(false, scrollTop);
    const part = this.#parts[index - this.#first];
    let node = part?.startNode?.nextSibling;
    while (node && node !== part?.endNode && !(node instanceof HTMLElement))
      node = node.nextSibling;
    return node instanceof HTMLElement ? node : undefined;
  }
}

const virtualListDirective = directive(VirtualList);

/**
 * A windowed list: renders only the items in view plus a few (`overscan`) into its container,
 * which stands for the others with padding, so the scrollbar spans the whole list. Items have one
 * height (fixed by CSS; the first rendered item is measured). On scroll it reads the scroll
 * position once per frame and renders at most once; items that stay in range keep their element
 * and are not rendered again until the host renders. Use it as an element's only content:
 *
 * ```ts
 * html`<div class="rows" role="rowgroup">${virtualList({ items, key, renderItem, itemHeight: 40, scroller: '.scroll' })}</div>`
 * ```
 */
export function virtualList<T>(
  options: VirtualListOptions<T>,
): DirectiveResult<typeof VirtualList> {
  return virtualListDirective(options as VirtualListOptions<unknown>);
}

/**
 * Scrolls item `index` of the virtual list rendered in `container` into view and renders it at
 * once (for moving keyboard focus to an item not rendered yet). Returns the item's element, or
 * `undefined` when there is no such list or item.
 */
export function revealIndex(
  container: Element | null | undefined,
  index: number,
): HTMLElement | undefined {
  return container ? byContainer.get(container)?.reveal(index) : undefined;
}
