import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openKinwatchDb, type KinwatchDb } from '../../../src/db/schema.ts';

/** A fresh, isolated database per test: its own fake IndexedDB factory. */
export function freshDb(): { db: KinwatchDb; factory: IDBFactory } {
  const factory = new IDBFactory();
  return { db: openKinwatchDb({ name: 'kinwatch', indexedDB: factory, IDBKeyRange }), factory };
}
