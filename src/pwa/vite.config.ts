/**
 * Builds the carer app into dist/pwa. The service worker is our own (injectManifest) so it can handle push as well
 * as precaching; vite-plugin-pwa writes the manifest and injects the precache list.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  mode: 'production',
  // Always React's production build, even when a test runner has set NODE_ENV=test for the build it spawns.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: `${projectRoot}public`,
  build: {
    outDir: `${projectRoot}dist/pwa`,
    emptyOutDir: true,
    target: 'es2022',
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Kinwatch',
        short_name: 'Kinwatch',
        description: 'Courier fraud warnings, call log, checklist and advice cards for the family of an older person.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#12355b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
      },
    }),
  ],
});
