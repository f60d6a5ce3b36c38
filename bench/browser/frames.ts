// Frame-accurate timing for the element benchmarks. "Painted" here means: the frame whose
// rendering update (style, layout, ResizeObserver callbacks — where a virtual list measures its
// viewport and items — and paint) shows the thing has finished. A task posted from a
// requestAnimationFrame callback runs right after that frame's rendering update, so checking a
// condition there, once per frame, gives the first frame that shows it. Waiting for vsync is
// left out: the action starts at the beginning of a frame (inside a rAF callback, where
// rAF-aligned input is handled), so both Rapport and its raw baseline get the whole frame.

export interface ToPaint {
  /** From `start()` to the end of the rendering update of the first frame showing `done()`. */
  readonly ms: number;
  /** Frames after the starting one until it showed (0: the same frame). */
  readonly frames: number;
}

/**
 * Calls `start` at the beginning of a frame, then checks `done` after each frame's rendering
 * update and resolves at the first frame after which it holds.
 */
export function timeToPaint(
  start: () => void,
  done: () => boolean,
  timeoutMs = 60_000,
): Promise<ToPaint> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    let t0 = 0;
    let frames = 0;
    channel.port1.onmessage = () => {
      let ok: boolean;
      try {
        ok = done();
      } catch (error) {
        channel.port1.close();
        reject(error as Error);
        return;
      }
      const now = performance.now();
      if (ok) {
        channel.port1.close();
        resolve({ ms: now - t0, frames });
      } else if (now - t0 > timeoutMs) {
        channel.port1.close();
        reject(new Error(`not painted after ${timeoutMs} ms`));
      } else
        requestAnimationFrame(() => {
          frames++;
          channel.port2.postMessage(null);
        });
    };
    requestAnimationFrame(() => {
      t0 = performance.now();
      try {
        start();
      } catch (error) {
        channel.port1.close();
        reject(error as Error);
        return;
      }
      channel.port2.postMessage(null);
    });
  });
}

/** Resolves after the next frame's rendering update. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );
}

/** Waits until `value()` has stayed the same for `frames` consecutive frames (or `timeoutMs`). */
export async function settled(value: () => string, frames = 5, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  let last = value();
  let same = 0;
  while (same < frames && performance.now() - start < timeoutMs) {
    await afterNextFrame();
    const now = value();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

/** Resolves after `ms` milliseconds (letting pending work and garbage collection run). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Milliseconds a fixed piece of pure JavaScript takes now. Sampled between repetitions, its
 * spread shows how much CPU the page got (other jobs share the machine): median ÷ fastest ≫ 1
 * means the wall-clock figures are stretched by waiting for a core, not by work.
 */
export function cpuProbe(): number {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 2_000_000; i++) x = (x + i * 31) % 1_000_003;
  const ms = performance.now() - start;
  if (x < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
  return ms;
}
