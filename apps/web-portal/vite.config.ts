import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The single-page app: src/client → dist/public, served by the portal's own server (dist/main.js).
// Everything it needs is bundled: no font, script or stylesheet is fetched from elsewhere at run time.
export default defineConfig({
  root: 'src/client',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/public',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
