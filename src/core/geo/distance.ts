/** A point on the Earth, decimal degrees (WGS84). */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius used by the haversine formula, km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine): within 0.5% of the ellipsoid, ample for a 15 km watch radius. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A lower bound on distanceKm between any two points at these latitudes (decimal degrees), whatever their longitudes:
 * the haversine's longitude term is never negative, so the distance is at least the arc along a meridian. Shaved by a
 * millionth for rounding, so it never exceeds what distanceKm computes.
 */
export function latitudeGapKm(latA: number, latB: number): number {
  return EARTH_RADIUS_KM * Math.abs(latA - latB) * (Math.PI / 180) * (1 - 1e-6);
}
