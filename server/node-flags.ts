// The flags every web process is started with, wherever it is started:
// package.json's `start` and `serve`, the Dockerfile's ENTRYPOINT, the
// systemd unit, and the benchmarks (tests/deployment-files.test.ts keeps
// them in step).
//
// A page allocates a few megabytes of short-lived objects (the request,
// Prisma's query plans and rows, React's render). With V8's default young
// generation (16 MB semi-spaces) a busy server collects it hundreds of times
// a second, and each collection copies the pages still in flight. Semi-
// spaces of 64 MB collect a quarter as often for about the same work each
// time: 8–22 % less CPU per request under `npm run load`, for some 100–140
// MB more memory. The minimum is the maximum so the young generation has its
// size from the start: left to grow, it grew in steps over the first
// minutes of load, which looks like a leak to anyone watching memory
// (ADR 032).
export const SERVE_NODE_FLAGS = ["--max-semi-space-size=64", "--min-semi-space-size=64"] as const;
