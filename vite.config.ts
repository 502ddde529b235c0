// The web app: Vite root is src/web, built into dist/web, which the Node server serves with an
// SPA fallback (src/server/app.ts). In development `npm run dev:web` proxies /api to the server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const API_TARGET = 'http://localhost:3000';

/**
 * The bundled Noto Sans JP (@fontsource) lists each unicode-range subset as woff2 with a woff
 * fallback. Every browser the app supports reads woff2, so the woff files would only double the
 * build (about 10 MB for two weights); this drops them from the CSS before Vite copies its fonts.
 */
function woff2Only(): Plugin {
  return {
    name: 'tsunagu:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/][^?]+\.css(\?|$)/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [woff2Only(), react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Every route is loaded lazily (app/router.tsx). The two large chunks are libraries fetched
    // only by the pages that use them: MapLibre GL (~1.1 MB, ~300 kB gzip; maps) and ECharts
    // (~540 kB; charts). Anything else above this limit deserves a look.
    chunkSizeWarningLimit: 1_200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: API_TARGET,
        // The server rejects cookie-authenticated writes whose Origin it does not trust
        // (CSRF protection). In development the page's origin is the Vite server, so the
        // proxy presents the API's own origin instead; production serves both from one origin.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', API_TARGET);
          });
        },
      },
    },
  },
});
