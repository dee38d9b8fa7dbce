import react from '@vitejs/plugin-react';
import { defineConfig } from 'wxt';

/** postcodes.io by default; tests point it at a stub on 127.0.0.1 at build time. */
const postcodesApi = (process.env.KINWATCH_POSTCODES_API ?? 'https://api.postcodes.io').replace(/\/+$/, '');
/** The carer app opened from notifications and the popup when no circle gives a relay address. */
const carerAppUrl = process.env.KINWATCH_CARER_APP_URL ?? '';

// Explicit imports everywhere: no auto-import magic (DESIGN.md conventions).
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
  manifest: {
    name: 'Kinwatch',
    description: 'Warns your family when fake-police courier fraud is reported near the people you look after.',
    permissions: ['alarms', 'notifications', 'storage'],
    // Sources, the postcode service and the relay are asked for one origin at a time, on a user action.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Kinwatch' },
    options_ui: { open_in_tab: true },
  },
});
