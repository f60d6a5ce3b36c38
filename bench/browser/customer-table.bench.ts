// <crm-customer-table> over `size` customers (100k; 10k with --quick): frames while scrolling.
//
// Data: the deterministic demo customers (seed 1, `iterateDemoCustomers`) and their custom field
// definitions, seeded through the SDK into the memory adapter, so the figure is the element's
// and the read path it drives (each page is a `crm.customers.list` through the gateway, by
// cursor), not IndexedDB's, which other rows measure. The memory adapter keeps the ordered
// matches of a paged query from its second page on (memory-pages.ts), so a later page is a
// slice rather than a pass over every customer.
//
// Scroll: a fresh table (default columns, `page-size` 50, `updatedAt:desc`, a cleared query
// cache), first page painted and the second one loaded, then its scrolling grid is scrolled
// programmatically: 600 frames (240 below 100k customers) of +400 px (10 rows) per frame, then a
// fling starting at 500 px (12 rows) per frame — 30,000 px/s, several times a touchpad's fastest
// fling — and slowing by 5% a frame to a stop. Every frame's duration is the difference of
// consecutive requestAnimationFrame timestamps; long tasks come from a `longtask`
// PerformanceObserver. Rows exist only as far as pages have loaded: the table loads the next page
// itself when the rendered range nears the end of what is loaded, so pages ARE loaded during the
// scroll (counted in the notes); when the scroll reaches the last loaded row it waits there (a
// "stalled" frame) until the page arrives. Repeated `repetitions` times; the figure is the worst
// frame of all runs, with p95 and median in the notes. Rows in the DOM are counted through the
// table's shadow root every frame; the maximum is reported. A fixed JavaScript loop timed before
// each run shows the CPU share the page had (other jobs share this machine).
import { createCrm, createMemoryAdapter } from '@rapport/core';
import { generateDemoData, iterateDemoCustomers } from '@rapport/core/demo';
import '@rapport/elements';
import { afterNextFrame, cpuProbe, pause, settled } from './frames.js';
import type { Bench } from './harness.js';
import { collectGarbage, median, percentile } from './harness.js';

/** The fields of a `long-animation-frame` entry read here (not in TypeScript's DOM types yet). */
interface LongFrame extends PerformanceEntry {
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly {
    readonly duration: number;
    readonly invoker: string;
    readonly sourceFunctionName: string;
    readonly sourceURL: string;
    readonly sourceCharPosition: number;
    readonly forcedStyleAndLayoutDuration: number;
  }[];
}

interface FrameParts {
  readonly duration: number;
  /** Before the frame's rendering began: tasks (scripts, garbage collection) that held the thread. */
  readonly beforeRendering: number;
  /** Animation frame callbacks and observers (where the scroll step and the virtual list run). */
  readonly callbacks: number;
  /** Style, layout and paint. */
  readonly styleLayoutPaint: number;
  /** Scripts the browser attributes to the frame (those over 5 ms), wherever they ran. */
  readonly scripts: number;
  /** The longest of those scripts: what invoked it, its function and file, and forced layout. */
  readonly longestScript: string;
}

/** Where a long animation frame's time went, as far as the entry tells. */
function frameParts(entry: LongFrame): FrameParts {
  const end = entry.startTime + entry.duration;
  const render = entry.renderStart > 0 ? entry.renderStart : end;
  const styleLayout = entry.styleAndLayoutStart > 0 ? entry.styleAndLayoutStart : end;
  return {
    duration: entry.duration,
    beforeRendering: render - entry.startTime,
    callbacks: Math.max(0, styleLayout - render),
    styleLayoutPaint: end - styleLayout,
    scripts: entry.scripts.reduce((n, s) => n + s.duration, 0),
    longestScript:
      entry.scripts
        .filter((s) => s.duration === Math.max(...entry.scripts.map((x) => x.duration)))
        .map(
          (s) =>
            `${s.duration.toFixed(0)} ms, ${s.invoker} → ${s.sourceFunctionName || '(anonymous)'} ` +
            `(${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}), forced style and layout ` +
            `${s.forcedStyleAndLayoutDuration.toFixed(0)} ms`,
        )[0] ?? 'none',
  };
}

const STEP_PX = 400;
const FLING_PX = 500;
const FLING_DECAY = 0.95;

export const run: Bench = async ({ size, repetitions }) => {
  const steadyFrames = size >= 100_000 ? 600 : 240;
  const crm = await createCrm({ storage: createMemoryAdapter(), locale: 'zh-CN' });
  await crm.customFields.createMany(generateDemoData({ seed: 1, customers: 1 }).customFields);
  let chunk: Parameters<typeof crm.customers.createMany>[0][number][] = [];
  for (const customer of iterateDemoCustomers({ seed: 1, customers: size })) {
    chunk.push(customer);
    if (chunk.length === 5_000) {
      await crm.customers.createMany(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await crm.customers.createMany(chunk);

  const stage = document.createElement('div');
  stage.style.width = '1280px';
  document.body.append(stage);

  const frames: number[] = [];
  const firstPaints: number[] = [];
  const probes: number[] = [];
  let longest = 0;
  let maxRows = 0;
  let stalled = 0;
  let pages = 0;
  let rowsReached = 0;
  const longFrames: FrameParts[] = [];
  for (let r = 0; r < repetitions; r++) {
    crm.queryClient.clear();
    await pause(100);
    const table = document.createElement('crm-customer-table');
    table.crm = crm;
    const t0 = performance.now();
    stage.append(table);
    const rows = () => table.shadowRoot?.querySelectorAll('.rows [role="row"]').length ?? 0;
    while (rows() === 0) await afterNextFrame();
    firstPaints.push(performance.now() - t0);
    // The scroll starts from a quiet table: the second page (fetched as soon as the first shows)
    // has arrived.
    await settled(() => `${table.rows.items.length} ${table.rows.isFetchingNextPage}`);
    await pause(100);
    // The scroll starts on a collected heap: the seeding's garbage (100k inputs and their copies)
    // is the setup's, and a scroll should pay only for its own.
    await collectGarbage();
    for (let i = 0; i < 5; i++) probes.push(cpuProbe());
    const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
    const loadedBefore = table.rows.items.length;

    let worstTask = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) worstTask = Math.max(worstTask, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const frameObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longFrames.push(frameParts(entry as LongFrame));
    });
    // Chromium's long-animation-frame entries: where each frame over 50 ms went.
    const attributes = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
    if (attributes) frameObserver.observe({ type: 'long-animation-frame', buffered: false });
    const stamps: number[] = [];
    const frame = (step: (timestamp: number) => void) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame((timestamp) => {
          step(timestamp);
          resolve();
        }),
      );
    const scrollBy = (px: number) => {
      const before = scroller.scrollTop;
      scroller.scrollTop = before + px;
      if (scroller.scrollTop - before < px - 1) stalled++;
      const shown = table.shadowRoot!.querySelectorAll('.rows [role="row"]');
      maxRows = Math.max(maxRows, shown.length);
      const last = shown[shown.length - 1];
      rowsReached = Math.max(rowsReached, Number(last?.getAttribute('data-index') ?? 0));
    };
    for (let i = 0; i < steadyFrames; i++)
      await frame((timestamp) => {
        stamps.push(timestamp);
        scrollBy(STEP_PX);
      });
    for (let v = FLING_PX; v >= 1; v *= FLING_DECAY)
      await frame((timestamp) => {
        stamps.push(timestamp);
        scrollBy(Math.round(v));
      });
    await frame((timestamp) => stamps.push(timestamp));
    for (const entry of observer.takeRecords()) worstTask = Math.max(worstTask, entry.duration);
    observer.disconnect();
    if (attributes) {
      for (const entry of frameObserver.takeRecords())
        longFrames.push(frameParts(entry as LongFrame));
      frameObserver.disconnect();
    }
    longest = Math.max(longest, worstTask);
    for (let i = 1; i < stamps.length; i++) frames.push(stamps[i]! - stamps[i - 1]!);
    pages += Math.round((table.rows.items.length - loadedBefore) / table.pageSize);
    table.remove();
  }
  stage.remove();
  await crm.close();

  const worst = Math.max(...frames);
  const p95 = percentile(frames, 95);
  const worstLong = longFrames.reduce<FrameParts | null>(
    (a, b) => (a && a.duration >= b.duration ? a : b),
    null,
  );
  const attribution = worstLong
    ? `${longFrames.length} long animation frames in all runs; the longest, ${worstLong.duration.toFixed(0)} ms: ` +
      `${worstLong.beforeRendering.toFixed(0)} ms before rendering, ${worstLong.callbacks.toFixed(0)} ms in animation ` +
      `frame callbacks, ${worstLong.styleLayoutPaint.toFixed(0)} ms in style, layout and paint; scripts over 5 ms ` +
      `${worstLong.scripts.toFixed(0)} ms of it (longest: ${worstLong.longestScript})`
    : 'no long animation frame reported';
  return [
    {
      measure: `customer table, scroll over ${size} customers: worst frame (ms, ${repetitions} runs)`,
      rapport: worst,
      baseline: null,
      baselineName: 'none named',
      goal: 'no frame over 50 ms',
      met: worst <= 50,
      notes:
        `p95 frame ${p95.toFixed(1)} ms, median ${median(frames).toFixed(1)} ms over ${frames.length} frames; ` +
        `longest task ${longest.toFixed(0)} ms; ${Math.round(pages / repetitions)} pages of 50 loaded per run while scrolling ` +
        `(down to row ~${rowsReached}); ${Math.round(stalled / repetitions)} frames per run waited at the last loaded row; ` +
        `≤ ${maxRows} rows in the DOM; first page painted after ${median(firstPaints).toFixed(0)} ms (median); ` +
        `fixed JS loop ${median(probes).toFixed(1)} ms median, ${Math.min(...probes).toFixed(1)} fastest (CPU share); ` +
        attribution,
    },
  ];
};
