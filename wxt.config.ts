import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';

/** postcodes.io by default; tests point it at a stub on 127.0.0.1 at build time. */
const postcodesApi = (process.env.KINWATCH_POSTCODES_API ?? 'https://api.postcodes.io').replace(/\/+$/, '');
/** The carer app opened from notifications and the popup when no circle gives a relay address. */
const carerAppUrl = process.env.KINWATCH_CARER_APP_URL ?? '';

/**
 * Sites allowed at install (comma-separated match patterns), for builds whose hosts are fixed in advance: a test build
 * against servers on 127.0.0.1, where no one can press "Allow". Empty by default: every site is asked for on use.
 */
const grantedHosts = (process.env.KINWATCH_GRANTED_HOSTS ?? '')
  .split(',')
  .map((pattern) => pattern.trim())
  .filter(Boolean);

// Explicit imports everywhere: no auto-import magic (docs/design.md, "Rules the code keeps").
export default defineConfig({
  imports: false,
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // A separate output folder lets a test build against its own stub without touching the shared build.
  outDir: process.env.KINWATCH_EXTENSION_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [react()],
    define: {
      'import.meta.env.KINWATCH_POSTCODES_API': JSON.stringify(postcodesApi),
      'import.meta.env.KINWATCH_CARER_APP_URL': JSON.stringify(carerAppUrl),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Kinwatch',
    description: 'Warns your family when fake-police courier fraud is reported near the people you look after.',
    permissions: ['alarms', 'notifications', 'storage', ...(manifestVersion === 2 ? grantedHosts : [])],
    // Sources, the postcode service and the relay are asked for one origin at a time, on a user action.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'], ...(grantedHosts.length > 0 ? { host_permissions: grantedHosts } : {}) }),
    icons: { 192: 'icons/icon-192.png', 512: 'icons/icon-512.png' },
    action: { default_title: 'Kinwatch' },
    options_ui: { open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected by Kinwatch's makers: sources are read from the user's browser, alerts are encrypted.
            gecko: { id: 'watcher@kinwatch', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
