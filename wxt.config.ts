import { defineConfig } from 'wxt';

// Explicit imports everywhere: no auto-import magic (DESIGN.md conventions).
export default defineConfig({
  imports: false,
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
});
