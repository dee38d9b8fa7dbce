import type { PlaceMention } from '../detect/vocabulary.ts';

export type PlaceKind = NonNullable<PlaceMention['kind']>;

export interface GazetteerPlace {
  name: string;
  lat: number;
  lng: number;
  kind: PlaceKind;
  /** County or council area ("Hertfordshire", "Greater London"); empty when unknown. */
  county: string;
}

/**
 * The generated GeoNames file: rows of [name, lat, lng] (degrees, 4 decimal places) grouped under their county or
 * council area ("" when unknown), which is stored once per county rather than once per row to keep the bundle small.
 */
export interface GazetteerData {
  source?: string;
  license?: string;
  placesByCounty: Readonly<Record<string, readonly (readonly [string, number, number])[]>>;
}

/** The hand-made file: counties, districts, boroughs ([name, lat, lng, kind, county]) and aliases ("Dereham"). */
export interface GazetteerSupplement {
  places: readonly (readonly [string, number, number, string, string])[];
  aliases?: Readonly<Record<string, string>>;
}

export interface Gazetteer {
  /** The best place of that name: hand-made entries first, then the one in `county` when several share the name. */
  lookup(name: string, hint?: { county?: string }): GazetteerPlace | undefined;
  lookupAll(name: string): GazetteerPlace[];
  /** Longest name in words, so a caller scanning text knows how far to look ahead. */
  readonly maxWords: number;
}

const KINDS: ReadonlySet<string> = new Set<PlaceKind>(['town', 'village', 'district', 'county', 'borough', 'area']);

/** Case, punctuation, "Saint"/"St." and hyphens do not matter: "St. Albans", "saint albans", "St-Albans" are one key. */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`.]/g, '')
    .replace(/[-‐–,/()]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

const NAME_ORDER = new Intl.Collator('en');

/**
 * The order among GeoNames places that share a key, and so which one `lookup` gives without a county hint: by name
 * (English collation, the same in every browser locale), then latitude, south first. Negative when `a` comes first.
 */
export function comparePlaces(a: Pick<GazetteerPlace, 'name' | 'lat'>, b: Pick<GazetteerPlace, 'name' | 'lat'>): number {
  return NAME_ORDER.compare(a.name, b.name) || a.lat - b.lat;
}

const SHORT_FORM_SUFFIXES = ['on sea', 'upon thames', 'spa', 'regis', 'by sea'];

/** Names remembered per gazetteer before the memory starts afresh: a day of articles, not an unbounded heap. */
const REMEMBERED_NAMES = 20_000;

export function createGazetteer(data: GazetteerData, supplement?: GazetteerSupplement): Gazetteer {
  const byKey = new Map<string, GazetteerPlace[]>();
  let maxWords = 1;
  const add = (place: GazetteerPlace, first: boolean) => {
    const key = placeKey(place.name);
    const list = byKey.get(key) ?? [];
    if (first) list.unshift(place);
    else list.push(place);
    byKey.set(key, list);
    maxWords = Math.max(maxWords, key.split(' ').length);
  };
  for (const [county, rows] of Object.entries(data.placesByCounty)) {
    for (const [name, lat, lng] of rows) add({ name, lat, lng, kind: 'town', county }, false);
  }
  // Rows come county by county, so same-named places are put in one fixed order whatever the file's county order.
  for (const list of byKey.values()) if (list.length > 1) list.sort(comparePlaces);
  // Hand-made entries win over GeoNames rows of the same name ("Wales" the country, not the Yorkshire village).
  for (const [name, lat, lng, kind, county] of supplement?.places ?? []) {
    add({ name, lat, lng, kind: KINDS.has(kind) ? (kind as PlaceKind) : 'area', county }, true);
  }
  for (const [alias, target] of Object.entries(supplement?.aliases ?? {})) {
    const key = placeKey(alias);
    const targets = byKey.get(placeKey(target));
    if (!targets || byKey.has(key)) continue;
    byKey.set(key, targets);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  // Detection scans every run of capitalised words in an article, so the same names (and misses) come up again and
  // again: each name's key and the places it names are worked out once.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) {
      if (keys.size >= REMEMBERED_NAMES) keys.clear();
      key = placeKey(name);
      keys.set(name, key);
    }
    return key;
  };
  const named = new Map<string, readonly GazetteerPlace[] | null>();
  const placesNamed = (name: string): readonly GazetteerPlace[] | undefined => {
    let list = named.get(name);
    if (list === undefined) {
      const key = keyOf(name);
      // Everyday short forms of official names: "Southend" for Southend-on-Sea, "Clacton" for Clacton-on-Sea.
      const found = byKey.get(key) ?? SHORT_FORM_SUFFIXES.map((suffix) => byKey.get(`${key} ${suffix}`)).find((places) => places?.length);
      list = found && found.length > 0 ? found : null;
      if (named.size >= REMEMBERED_NAMES) named.clear();
      named.set(name, list);
    }
    return list ?? undefined;
  };
  return {
    maxWords,
    lookupAll: (name) => [...(byKey.get(placeKey(name)) ?? [])],
    lookup(name, hint) {
      const list = placesNamed(name);
      if (!list) return undefined;
      if (hint?.county) {
        const wanted = keyOf(hint.county);
        const inCounty = list.find((place) => keyOf(place.county) === wanted);
        if (inCounty) return inCounty;
      }
      return list[0];
    },
  };
}
