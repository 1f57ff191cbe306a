import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.MATRIZ_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: the bench measures a route's chunks (server/bench/web-bundle.ts).
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries every screen needs go in one long-cached chunk; Mantine components stay split per screen.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The Host header is kept (no changeOrigin) so the server's CSRF Origin check sees a same-origin request.
    proxy: { '/api': { target: apiTarget, ws: true } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget, ws: true } },
  },
});
