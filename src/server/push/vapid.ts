import webpush from 'web-push';
import type { Store } from '../store/store.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** Made once and kept in the database, so every relay sharing it signs with the same key browsers subscribed to. */
export async function loadVapidKeys(store: Store): Promise<VapidKeys> {
  const stored = await store.settingOnce('vapid-keys', JSON.stringify(webpush.generateVAPIDKeys()));
  const keys = JSON.parse(stored) as VapidKeys;
  if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string') throw new Error('vapid-keys setting is damaged');
  return keys;
}
