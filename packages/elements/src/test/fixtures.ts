// Shared by the element tests: small real clients over the memory adapter, slow and failing ones.
import { createCrm, createMemoryAdapter, type Crm, type StorageAdapter } from '@rapport/core';
import { withFaults, withLatency } from '@rapport/core/memory';
import { generateDemoData, seedDemoData, type DemoData } from '@rapport/core/demo';

/** The instant every test client's clock reads. */
export const NOW = '2026-03-02T09:00:00.000Z';
const clock = () => new Date(NOW);

/** A client over `storage` with a fixed clock. */
export function crmOver(storage: StorageAdapter, locale: Crm['locale'] = 'en'): Promise<Crm> {
  return createCrm({ storage, clock, locale });
}

/** A client seeded with a small deterministic demo dataset (same data in every run). */
export async function seededCrm(
  locale: Crm['locale'] = 'en',
  options: Parameters<typeof generateDemoData>[0] = {},
): Promise<{ crm: Crm; data: DemoData }> {
  const crm = await crmOver(createMemoryAdapter(), locale);
  const data = generateDemoData({
    seed: 7,
    now: NOW,
    customers: 12,
    deals: 20,
    activities: 80,
    leads: 10,
    tickets: 6,
    orders: 8,
    ...options,
  });
  await seedDemoData(crm, data);
  return { crm, data };
}

/** A client whose reads never answer: the loading state stays on screen. */
export function slowCrm(locale: Crm['locale'] = 'en'): Promise<Crm> {
  return crmOver(
    withLatency(createMemoryAdapter(), (op) => (op === 'commit' ? 0 : Infinity)),
    locale,
  );
}

/** A client whose every read fails with a StorageError: the error state. */
export function failingCrm(locale: Crm['locale'] = 'en'): Promise<Crm> {
  return crmOver(
    withFaults(createMemoryAdapter(), { operation: ['get', 'getMany', 'query', 'count'] }),
    locale,
  );
}

/** Waits until `predicate` holds (checked every frame), or fails after `timeout` ms. */
export async function until(predicate: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error('until: timed out');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The markup most tests try to smuggle through a name. */
export const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">张伟';

/** Text of the element's shadow root (what a user reads). */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
