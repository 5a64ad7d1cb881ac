import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest loads this file too; the Remix plugin must stay out of unit tests
// (it takes over the build and breaks test collection).
const isVitest = process.env.VITEST !== undefined;

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    !isVitest &&
      remix({
        // Tests sit beside the code they test; they must never become routes.
        ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
});
