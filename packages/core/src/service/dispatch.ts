import type { AgentWorkload } from './assignment.js';
import type { ServiceAgent } from './service-options.js';

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TechnicianSuggestion {
  readonly agentId: string;
  readonly openTickets: number;
  /** `null` when the host gave no location for the technician. */
  readonly distanceKm: number | null;
}

/**
 * Ranks technicians for a field-service job at `location`: fewest unresolved tickets first, then
 * nearest (technicians without a location after those with one), then directory order. Workload
 * comes first because an idle technician farther away finishes sooner than a busy one nearby;
 * hosts wanting pure proximity can pass equal workloads.
 */
export function rankTechnicians(
  location: GeoPoint,
  technicians: readonly ServiceAgent[],
  workload: ReadonlyMap<string, AgentWorkload>,
): TechnicianSuggestion[] {
  return technicians
    .map((t, index) => ({
      index,
      agentId: t.id,
      openTickets: workload.get(t.id)?.openTickets ?? 0,
      distanceKm: t.location ? haversineKm(location, t.location) : null,
    }))
    .sort(
      (a, b) =>
        a.openTickets - b.openTickets ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ agentId, openTickets, distanceKm }) => ({ agentId, openTickets, distanceKm }));
}
