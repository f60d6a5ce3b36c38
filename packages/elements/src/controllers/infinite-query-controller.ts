import {
  InfiniteQueryObserver,
  type InfiniteData,
  type InfiniteQueryObserverResult,
  type QueryClient,
} from '@tanstack/query-core';
import type { QueryResult } from '@rapport/core';
import type { ReactiveController } from 'lit';
import type { CrmElement } from '../base/crm-element.js';

export interface InfiniteQueryControllerOptions<T> {
  /** Must start with `['rapport', entity]` so core's change events invalidate it. */
  readonly queryKey: readonly unknown[];
  /** One page: the query with `cursor` (undefined for the first page). */
  readonly queryFn: (cursor: string | undefined) => Promise<QueryResult<T>>;
}

export type InfiniteQueryStatus = 'idle' | 'loading' | 'success' | 'error';

type Pages<T> = InfiniteData<QueryResult<T>, string | undefined>;

/**
 * Cursor-driven paging over one query of `host.crm.queryClient`, as a reactive controller: a
 * TanStack `InfiniteQueryObserver` whose page param is core's keyset `nextCursor`. `items` are the
 * loaded pages, flattened; `fetchNextPage()` appends the next page; `total` is the full match
 * count the first page reports.
 *
 * Why an infinite query (rather than one `QueryController` per page): the pages are one cache
 * entry, so a change event invalidates them together and TanStack refetches them in order from
 * the first, recomputing every cursor; no page can go stale against its neighbours.
 *
 * @example
 * ```ts
 * #rows = new InfiniteQueryController(this, () => this.crm && {
 *   queryKey: [...crmKeys.list('customer', spec), 'pages'],
 *   queryFn: (cursor) => this.crm!.customers.list({ ...spec, ...(cursor && { cursor }) }),
 * });
 * ```
 */
export class InfiniteQueryController<T> implements ReactiveController {
  status: InfiniteQueryStatus = 'idle';
  /** Every loaded row, in order. A new array only when the pages change. */
  items: readonly T[] = [];
  /** How many rows match in all (from the first page); 0 before it arrives. */
  total = 0;
  hasNextPage = false;
  isFetchingNextPage = false;
  /** A refetch after invalidation is running (the old rows stay visible). */
  isRefetching = false;
  error?: unknown;

  readonly #host: CrmElement;
  readonly #options: () => InfiniteQueryControllerOptions<T> | undefined;
  #observer?: InfiniteQueryObserver<
    QueryResult<T>,
    unknown,
    Pages<T>,
    readonly unknown[],
    string | undefined
  >;
  #client?: QueryClient;
  #keyHash?: string;
  #unsubscribe?: () => void;
  #connected = false;
  #data?: Pages<T>;

  constructor(host: CrmElement, options: () => InfiniteQueryControllerOptions<T> | undefined) {
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

  /** Loads the page after the last loaded one; a no-op while one is loading or at the end. */
  async fetchNextPage(): Promise<void> {
    const observer = this.#observer;
    if (!observer || !this.hasNextPage || this.isFetchingNextPage) return;
    await observer.fetchNextPage({ cancelRefetch: false });
  }

  /** Refetches every loaded page (the "retry" button of an error state). */
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
      this.#reset();
      return;
    }
    const keyHash = JSON.stringify(options.queryKey);
    if (this.#observer && client === this.#client && keyHash === this.#keyHash) return;
    this.#teardown();
    this.#client = client;
    this.#keyHash = keyHash;
    const observer = new InfiniteQueryObserver<
      QueryResult<T>,
      unknown,
      Pages<T>,
      readonly unknown[],
      string | undefined
    >(client, {
      queryKey: options.queryKey,
      queryFn: ({ pageParam }) => options.queryFn(pageParam),
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    });
    this.#observer = observer;
    this.#unsubscribe = observer.subscribe((result) => {
      if (observer === this.#observer) this.#apply(result);
    });
    this.#apply(observer.getCurrentResult(), false);
  }

  #apply(result: InfiniteQueryObserverResult<Pages<T>, unknown>, request = true): void {
    // query-core's statuses are `pending`, `error` and `success`; `pending` is shown as loading.
    this.status = result.status === 'pending' ? 'loading' : result.status;
    this.error = result.error ?? undefined;
    this.hasNextPage = result.hasNextPage;
    this.isFetchingNextPage = result.isFetchingNextPage;
    this.isRefetching = result.isRefetching;
    if (result.data !== this.#data) {
      this.#data = result.data;
      this.items = result.data ? result.data.pages.flatMap((page) => page.items) : [];
      this.total = result.data?.pages[0]?.total ?? 0;
    }
    if (request) this.#host.requestUpdate();
  }

  #reset(): void {
    this.status = 'idle';
    this.items = [];
    this.total = 0;
    this.hasNextPage = false;
    this.isFetchingNextPage = false;
    this.isRefetching = false;
    this.error = undefined;
    this.#data = undefined;
  }

  #teardown(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#observer = undefined;
    this.#client = undefined;
    this.#keyHash = undefined;
  }
}
