import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { envSchema } from "~/utils/env.server";
import { bodyLimits } from "../server/body-limit";
import { SERVE_NODE_FLAGS } from "../server/node-flags";

// The deployment files (Dockerfile, compose.yaml, deploy/) cannot be run here
// (no Docker, no systemd), so they are read: every command they start must be
// one server/main.ts knows, and every variable they set one the app reads.
// A renamed variable or command then fails here, not on a server.

const read = (file: string) => readFileSync(file, "utf8");

/** The commands `node build/main.js <command>` accepts, from the list server/main.ts checks. */
function knownCommands(): string[] {
  const list = read("server/main.ts").match(/if \(!\[([^\]]+)\]\.includes\(command\)\)/)?.[1];
  if (!list) throw new Error("server/main.ts: the list of commands was not found");
  return [...list.matchAll(/"([a-z-]+)"/g)].map((match) => match[1] ?? "");
}

/** Every variable the app reads: the validated ones, and the few server/ reads directly (PG_BIN …). */
function knownVariables(): Set<string> {
  const direct = readdirSync("server")
    .filter((name) => name.endsWith(".ts") && !name.includes(".test."))
    .flatMap((name) => [...read(`server/${name}`).matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((match) => match[1] ?? ""));
  return new Set([...Object.keys(envSchema.shape), ...direct]);
}

/** The command after `node [flags] build/main.js`, or null when the line runs something else. */
function mainCommand(commandLine: string): string | null {
  return commandLine.match(/(?:^|\s|\/)node(?:\s+--[a-z-]+(?:=\S+)?)*\s+build\/main\.js\s+([a-z-]+)/)?.[1] ?? null;
}

/** The flags between `node` and `build/main.js` on a command line. */
function nodeFlags(commandLine: string): string[] {
  return commandLine.match(/(?:^|\s|\/)node((?:\s+--[a-z-]+(?:=\S+)?)*)\s+build\/main\.js/)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

type ComposeService = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { disable?: boolean; test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
};

const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, ComposeService> };
const appServices = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith("hocso"));

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  // The final stage, each instruction on one line (continuations joined).
  const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM ")).replace(/\\\n\s*/g, " ");

  test("the image runs `node build/main.js serve` as a user of its own", () => {
    const entrypoint = runtime.match(/^ENTRYPOINT \[(.+)\]$/m)?.[1] ?? "";
    expect(JSON.parse(`[${entrypoint}]`)).toEqual(["node", ...SERVE_NODE_FLAGS, "build/main.js"]);
    const command = runtime.match(/^CMD \["([a-z-]+)"\]$/m)?.[1];
    expect(command).toBe("serve");
    expect(knownCommands()).toContain(command);
    const user = runtime.match(/^USER (\S+)$/m)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)$/);
  });

  test("its health check asks /healthz on the port it exposes", () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*\/healthz/m);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
    expect(runtime).toMatch(/PORT=3000/);
  });

  test("every variable it sets is one the app reads, and the files it writes are on the volume", () => {
    const variables = [...runtime.matchAll(/^ENV (.+)$/gm)]
      .flatMap((match) => (match[1] ?? "").trim().split(/\s+/))
      .map((pair) => ({ name: pair.split("=")[0] ?? "", value: pair.split("=").slice(1).join("=") }));
    expect(variables.map((variable) => variable.name)).toEqual(expect.arrayContaining(["NODE_ENV", "MEDIA_DIR", "EXPORT_DIR", "OB_ISSUER_KEY_FILE"]));
    const known = knownVariables();
    for (const { name } of variables) expect(known, name).toContain(name);
    const volume = runtime.match(/^VOLUME \["([^"]+)"\]$/m)?.[1] ?? "(none)";
    for (const name of ["MEDIA_DIR", "EXPORT_DIR", "OB_ISSUER_KEY_FILE"]) {
      expect(variables.find((variable) => variable.name === name)?.value.startsWith(`${volume}/`), name).toBe(true);
    }
  });

  test("the build generates the Prisma client without its downloadable engine", () => {
    // db:generate goes through scripts/prisma-offline.mjs, which sets PRISMA_SCHEMA_ENGINE_BINARY.
    expect(dockerfile).toMatch(/npm run db:generate && npm run build/);
    const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(packageJson.scripts["db:generate"]).toBe("node scripts/prisma-offline.mjs generate");
    expect(read("scripts/prisma-offline.mjs")).toMatch(/PRISMA_SCHEMA_ENGINE_BINARY/);
  });
});

describe("compose.yaml", () => {
  test("runs PostgreSQL 18, a migration first, the web process and a separate worker", () => {
    expect(compose.services.postgres?.image).toBe("postgres:18");
    expect(compose.services.postgres?.healthcheck?.test).toContain("pg_isready");
    const commands = Object.fromEntries(appServices.map(([name, service]) => [name, service.command?.[0]]));
    expect(commands).toEqual({ migrate: "migrate", app: "serve", worker: "worker" });
    for (const command of Object.values(commands)) expect(knownCommands()).toContain(command);
    for (const name of ["app", "worker"]) {
      expect(compose.services[name]?.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
    // The worker serves no HTTP: the image's /healthz check does not apply to it.
    expect(compose.services.worker?.healthcheck?.disable).toBe(true);
  });

  test("every variable given to the app is one it reads; jobs run only in the worker", () => {
    const known = knownVariables();
    for (const [name, service] of appServices) {
      for (const variable of Object.keys(service.environment ?? {})) expect(known, `${name}: ${variable}`).toContain(variable);
      expect(service.environment?.JOBS_IN_PROCESS, name).toBe("false");
      expect(service.environment?.DATABASE_URL, name).toMatch(/@postgres:5432\//);
    }
  });

  test("every app process shares the files volume, where its files are written", () => {
    for (const [name, service] of appServices) {
      const mount = service.volumes?.find((volume) => volume.startsWith("hocso-files:"))?.split(":")[1];
      expect(mount, name).toBeDefined();
      for (const variable of ["MEDIA_DIR", "EXPORT_DIR", "OB_ISSUER_KEY_FILE"]) {
        expect(service.environment?.[variable]?.startsWith(`${mount}/`), `${name}: ${variable}`).toBe(true);
      }
    }
  });
});

describe("deploy/systemd", () => {
  const units = ["hocso@.service", "hocso-worker.service", "hocso-migrate.service"].map((file) => ({ file, text: read(`deploy/systemd/${file}`) }));

  test("each unit starts a command server/main.ts knows, as the hocso user", () => {
    const started = Object.fromEntries(units.map(({ file, text }) => [file, mainCommand(text.match(/^ExecStart=(.+)$/m)?.[1] ?? "")]));
    expect(started).toEqual({ "hocso@.service": "serve", "hocso-worker.service": "worker", "hocso-migrate.service": "migrate" });
    for (const { file, text } of units) expect(text, file).toMatch(/^User=hocso$/m);
  });

  test("web processes take their port from the instance name, run no jobs, and migrate first", () => {
    const web = units[0]?.text ?? "";
    expect(web).toMatch(/^Environment=PORT=%i$/m);
    expect(web).toMatch(/^Environment=JOBS_IN_PROCESS=false$/m);
    for (const { file, text } of units.slice(0, 2)) {
      expect(text, file).toMatch(/^Requires=hocso-migrate\.service$/m);
      expect(text, file).toMatch(/^After=.*hocso-migrate\.service/m);
    }
    expect(units[2]?.text).toMatch(/^Type=oneshot$/m);
  });

  test("every variable in the units and the settings file is one the app reads", () => {
    const known = knownVariables();
    const inUnits = units.flatMap(({ text }) => [...text.matchAll(/^Environment=([A-Z_]+)=/gm)].map((match) => match[1] ?? ""));
    const inFile = [...read("deploy/systemd/hocso.env.example").matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1] ?? "");
    expect(inFile).toEqual(expect.arrayContaining(["DATABASE_URL", "APP_URL", "TRUST_PROXY", "MEDIA_DIR"]));
    for (const variable of [...inUnits, ...inFile]) expect(known, variable).toContain(variable);
  });
});

test("every way of starting a web process gives Node the same flags (server/node-flags.ts)", () => {
  const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
  const unit = read("deploy/systemd/hocso@.service").match(/^ExecStart=(.+)$/m)?.[1] ?? "";
  const started = { "npm start": scripts.start ?? "", "npm run serve": scripts.serve ?? "", "hocso@.service": unit };
  for (const [how, commandLine] of Object.entries(started)) {
    expect(mainCommand(commandLine), how).toBe("serve");
    expect(nodeFlags(commandLine), how).toEqual([...SERVE_NODE_FLAGS]);
  }
  // The benchmarks measure the server as it runs in production.
  expect(read("scripts/lib/bench-server.ts")).toMatch(/spawn\(process\.execPath, \[\.\.\.SERVE_NODE_FLAGS,/);
});

describe("deploy/nginx/hocso.conf", () => {
  const site = read("deploy/nginx/hocso.conf");

  test("lets through the app's largest request, so the app answers one too large in its own words", () => {
    const [, amount, unit] = site.match(/client_max_body_size (\d+)([km]?);/) ?? [];
    const bytes = Number(amount) * (unit === "m" ? 1024 * 1024 : unit === "k" ? 1024 : 1);
    const { multipart, other } = bodyLimits();
    expect(bytes).toBeGreaterThan(Math.max(multipart, other));
    // …but not much more: nginx still stops what the app would refuse anyway.
    expect(bytes - multipart).toBeLessThan(2 * 1024 * 1024);
  });

  test("passes the headers the app trusts with TRUST_PROXY=1, and keeps connections to it open", () => {
    for (const header of ["Host $http_host", "X-Forwarded-Host $http_host", "X-Forwarded-For $proxy_add_x_forwarded_for", "X-Forwarded-Proto $scheme", "X-Request-Id $request_id"]) {
      expect(site).toContain(`proxy_set_header ${header};`);
    }
    expect(site).toMatch(/^\s+keepalive \d+;$/m);
    expect(site).toContain('proxy_set_header Connection "";');
    expect(site).toMatch(/TRUST_PROXY=1/);
  });
});
