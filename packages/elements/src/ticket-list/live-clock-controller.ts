import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls `callback` on a schedule; returns the function that stops it. */
export type Ticker = (callback: () => void) => () => void;

/** How often SLA countdowns re-render by default: twice a minute keeps "minutes left" exact. */
export const DEFAULT_TICK_MS = 30_000;

/** A `setInterval` ticker (the default of elements with live countdowns). */
export const intervalTicker =
  (ms: number = DEFAULT_TICK_MS): Ticker =>
  (callback) => {
    const id = setInterval(callback, ms);
    return () => clearInterval(id);
  };

/**
 * Re-renders its host on every tick of a ticker while connected, so values computed from
 * `crm.clock()` during render (SLA countdowns) stay current. The ticker is injectable: tests
 * pass one they fire by hand after advancing the client's clock, and never sleep.
 *
 * The host reads the time itself (`crm.clock()`) when rendering; this controller only decides
 * when to render again, and runs `onTick` (e.g. refetch a list whose membership depends on time).
 */
export class LiveClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #ticker: () => Ticker;
  readonly #onTick: (() => void) | undefined;
  #current: Ticker | undefined;
  #stop: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, ticker: () => Ticker, onTick?: () => void) {
    this.#host = host;
    this.#ticker = ticker;
    this.#onTick = onTick;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop?.();
    this.#stop = undefined;
    this.#current = undefined;
  }

  #sync(): void {
    if (!this.#connected) return;
    const ticker = this.#ticker();
    if (ticker === this.#current) return;
    this.#stop?.();
    this.#current = ticker;
    this.#stop = ticker(() => {
      this.#onTick?.();
      this.#host.requestUpdate();
    });
  }
}
