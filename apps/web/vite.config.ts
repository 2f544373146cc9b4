import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // Shared pure-TS domain code is compiled from source, as the API does.
      '@profmonitor/domain': fromHere('../../libs/domain/src/index.ts'),
      '@profmonitor/charts': fromHere('../../libs/charts/src/index.ts'),
      '@': fromHere('./src'),
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each entry and route loads, for the first-view
    // budget (scripts/bench/lighthouse-overview.ts).
    manifest: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            // SheetJS (~430 kB) is imported on a table's «Скачать .xlsx» only: its own chunk,
            // out of the vendor chunk every page loads.
            { name: 'xlsx', test: /node_modules[\\/]@e965[\\/]xlsx[\\/]/ },
            // What every page needs (React, the router, the query cache); a library one page uses
            // (react-dropzone) goes with that page's chunk, out of the first download.
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/][^\\/]+|cookie|set-cookie-parser)[\\/]/,
            },
          ],
        },
      },
    },
    // ECharts core with the modules registered in echarts-runtime.ts (bar, line, heatmap, sankey,
    // visual map) is ~620 kB; importing the full 'echarts' entry by mistake doubles that and
    // trips this limit.
    chunkSizeWarningLimit: 700,
  },
});
