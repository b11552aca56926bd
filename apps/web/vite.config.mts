import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run web:dev` serves apps/web with hot reload on :5173 and proxies the API to the one
 * `npm run demo` (or `npm run start:api`) runs on :3000; `npm run build` writes dist/web, which
 * the API serves at `/`.
 */
export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: `${here}../../dist/web`, emptyOutDir: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: process.env.WEB_API_TARGET ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
