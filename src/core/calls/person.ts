/** A person the family looks after, as the carer app records them. Syncable: id, hlc and a tombstone. */
export interface PhoneContact {
  /** Who answers: "Barclays", "Sarah (daughter)". */
  name: string;
  phone: string;
}

export interface CaredPerson {
  id: string;
  hlc: string;
  deleted?: true;
  name: string;
  /** Normalised UK postcode, e.g. "CO1 1AA". */
  postcode: string;
  /** False when it was saved offline without being looked up. */
  postcodeChecked: boolean;
  lat?: number;
  lng?: number;
  /** Police force area id (data.police.uk style). */
  forceId?: string;
  placeName?: string;
  /** How far from home a reported place still counts as near, km (the watcher's default, 15, when absent). */
  radiusKm?: number;
  phones: string[];
  banks: PhoneContact[];
  familyNumbers: PhoneContact[];
  safeWord?: string;
}
