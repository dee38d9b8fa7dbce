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
  /** How the family refers to them in the app: "Mum", "Joan Smith". */
  name: string;
  /** What to call them on the phone, when it differs from `name`: "Margaret". */
  callName?: string;
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
  /** Their own phone numbers (home, mobile): the phone script offers them as tap-to-call links. */
  phones: string[];
  banks: PhoneContact[];
  familyNumbers: PhoneContact[];
  safeWord?: string;
}

/** The name to say to them: their call name when set, else the app's name for them. */
export function nameToSay(person: Pick<CaredPerson, 'name' | 'callName'>): string {
  return person.callName?.trim() || person.name;
}

/** Two postcodes or outcodes written alike, spaces and case ignored ("co76aa" and "CO7 6AA"). */
export function samePostcode(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

/**
 * Whether two records are the same person: the same name (case and surrounding spaces ignored) at the same postcode
 * (spaces and case ignored). Two people may share a postcode ("Mum" and "Dad" at CO7 6AA), so the postcode alone is
 * not enough. Used wherever a person is added (the carer app, the extension) and when an extension joins a circle.
 */
export function samePerson(a: { name: string; postcode: string }, b: { name: string; postcode: string }): boolean {
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase() && samePostcode(a.postcode, b.postcode);
}
