/*
 * Why not @tanstack/lit-query (evaluated, 0.2.25): it resolves its QueryClient from its own
 * `QueryClientProvider` context, while ours lives on `crm.queryClient` and may differ per element
 * (`.crm` set directly, `crm.as(principal)`); it pins its own nested @tanstack/query-core
 * (5.104.0, beside the 5.108 the SDK uses), so a page would load two copies of query-core and run
 * one copy's QueryObserver over the other's QueryClient; and it is marked experimental. What we
 * need is ~80 lines over query-core's `QueryObserver`, with exactly the four fields elements use.
 */
import { QueryObserver, type QueryClient, type QueryObserverResult } from '@tanstack/query-core';
import type { ReactiveController } from 'lit';
import type { CrmElement } from './crm-element.js';

export interface QueryControllerOptions<T> {
  readonly queryKey: readonly unknown[];
  readonly queryFn: () => Promise<T>;
}

export type QueryStatus = 'idle' | 'loading' | 'success' | 'error';

/**
 * Observes one query of `host.crm.queryClient` (`crm.queries.list/detail/count` give the options).
 * Re-subscribes when the host's `crm` or the options' key change (checked on each host update),
 * unsubscribes when the host disconnects, and requests a host update on every result change.
 * Writes invalidate queries in core, in this tab and others, so observers refetch by themselves.
 *
 * `options` returning `undefined` (no id yet, no client yet) leaves the controller `idle`.
 *
 * @example
 * ```ts
 * #customer = new QueryController(this, () =>
 *   this.crm && this.customerId ? this.crm.queries.detail('customer', this.customerId) : undefined);
 * ```
 */
export class QueryController<T> implements ReactiveController {
  status: QueryStatus = 'idle';
  data?: T;
  error?: unknown;

  readonly #host: CrmElement;
  readonly #options: () => QueryControllerOptions<T> | undefined;
  #observer?: QueryObserver<T, unknown, T, T, readonly unknown[]>;
  #client?: QueryClient;
  #keyHash?: string;
  #unsubscribe?: () => void;
  #connected = false;

  constructor(host: CrmElement, options: () => QueryControllerOptions<T> | undefined) {
    this.#host = host;
    this.#options = options;
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
    this.#teardown();
  }

  /** Refetches now (e.g. the "retry" button of an error state). */
  async refetch(): Promise<void> {
    if (this.#observer) await this.#observer.refetch();
    else this.#sync();
  }

  #sync(): void {
    if (!this.#connected) return;
    const options = this.#options();
    const client = this.#host.crm?.queryClient;
    if (!options || !client) {
      if (this.#observer) this.#teardown();
      // Called from hostConnected / hostUpdate: an update is already under way.
      this.#set('idle', undefined, undefined, false);
      return;
    }
    const keyHash = JSON.stringify(options.queryKey);
    if (this.#observer && client === this.#client && keyHash === this.#keyHash) return;
    this.#teardown();
    this.#client = client;
    this.#keyHash = keyHash;
    this.#observer = new QueryObserver<T, unknown, T, T, readonly unknown[]>(client, {
      queryKey: options.queryKey,
      queryFn: () => options.queryFn(),
    });
    const observer = this.#observer;
    this.#unsubscribe = observer.subscribe((result) => {
      if (observer === this.#observer) this.#apply(result);
    });
    this.#apply(observer.getCurrentResult(), false);
  }

  #apply(result: QueryObserverResult<T, unknown>, request = true): void {
    // A refetch after invalidation keeps showing the previous data (status stays `success`).
    // query-core's statuses are `pending`, `error` and `success`; `pending` is shown as loading.
    const status: QueryStatus = result.status === 'pending' ? 'loading' : result.status;
    this.#set(status, result.data, result.error ?? undefined, request);
  }

  #set(status: QueryStatus, data: T | undefined, error: unknown, request = true): void {
    if (this.status === status && this.data === data && this.error === error) return;
    this.status = status;
    this.data = data;
    this.error = error;
    if (request) this.#host.requestUpdate();
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#observer = undefined;
    this.#client = undefined;
    this.#keyHash = undefined;
  }
}
