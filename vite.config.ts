import { defineConfig } from 'vite';
import { serveDataDir } from './pipeline/vite-serve-data';

export default defineConfig({
  base: './',
  // maplibre-gl ships its worker as a separate file; pre-bundling breaks it.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  plugins: [serveDataDir(process.env.RING_DATA_DIR ?? 'data')],
  // The site rejects records dated after the day it was built (src/data/contract.ts).
  define: { __BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)) },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The map, the one-agency embed (a light page without the map library) and the printed handout.
    rolldownOptions: { input: { main: 'index.html', 'agency-embed': 'agency-embed.html', handout: 'handout.html' } },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
