// Bundles the server entry (server/main.ts and the app code it imports) into
// build/main.js for `npm run serve`. Dependencies stay in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["server/main.ts"],
  outfile: "build/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  tsconfig: "tsconfig.json",
  logLevel: "warning",
  // The Remix build (build/server/index.js) is loaded at run time, not bundled.
  external: ["vite", "./server/index.js"],
});
console.log("built build/main.js");
