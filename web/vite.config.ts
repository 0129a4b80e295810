import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Libraries that the first page loads whole, each in a chunk of its own: cached across releases of the app's own
 * code and loaded once, whichever page comes first. Everything else is split by the bundler along the lazy routes.
 */
const VENDOR_CHUNKS: readonly { name: string; test: RegExp }[] = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: "router", test: /node_modules[\\/]@tanstack[\\/](react-router|router-core|history|store|react-store)[\\/]/ },
  { name: "query", test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
  { name: "i18n", test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
  { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: what each page loads, measured by scripts/bench/bundle.ts.
    manifest: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_CHUNKS.map((g) => ({ ...g })) } },
    },
  },
});
