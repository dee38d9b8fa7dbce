/** A person the family watches over. The parent has no account; this is the family's record of them. */
export interface WatchedPerson {
  id: string;
  name: string;
  postcode: string;
  lat: number;
  lng: number;
  /** Police force area id (data.police.uk style, e.g. "essex", "metropolitan"). */
  forceId: string;
  /** Town or district to show ("Colchester"). */
  placeName?: string;
  /** Default 15. */
  radiusKm: number;
  /** Forces bordering the person's own (registry ids): their sources are polled too, but their items must still name a nearby place. */
  neighbourForceIds?: string[];
}

export const DEFAULT_RADIUS_KM = 15;
/** The widest watch area a person can have, km. */
export const MAX_RADIUS_KM = 100;
