/** A spate delivered to the carer app for one person, and the family's "I've called them" check-ins. */
import type { Spate } from '../detect/spate.ts';

export interface AlertRecord {
  /** The spate id: one alert per incident, updated as it escalates. */
  id: string;
  hlc: string;
  deleted?: true;
  personId: string;
  spate: Spate;
  /** ISO time the app first received it. */
  receivedAt: string;
}

export interface CheckIn {
  id: string;
  hlc: string;
  deleted?: true;
  alertId: string;
  personId: string;
  /** ISO time of the call to the parent. */
  at: string;
  by: string;
  note?: string;
}
