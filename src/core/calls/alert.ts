/** The family's "I've called them" check-ins on an alert. The alert itself is defined with its wire shapes. */
export type { AlertRecord } from '../alerts/alert.ts';

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
