import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// nginx for tests: the site of deploy/nginx/hocso.conf, run unprivileged
// (or as root) from a folder of the test's own, in the foreground.

export const NGINX_SITE_TEMPLATE = "deploy/nginx/hocso.conf";

/** An executable on PATH (or one of `extra`), or null. */
export function findExecutable(name: string, extra: string[] = []): string | null {
  const candidates = [...extra, ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Debian's nginx lives in /usr/sbin, which a non-root PATH often lacks. */
export const findNginx = () => findExecutable("nginx", [process.env.NGINX_BIN ?? "", "/usr/sbin/nginx"].filter(Boolean));

/** Replaces `from`, which must occur exactly `times` times: the example and the test stay in step. */
function swap(text: string, from: string, to: string, times = 1) {
  const found = text.split(from).length - 1;
  if (found !== times) {
    throw new Error(`${NGINX_SITE_TEMPLATE}: expected ${times} × "${from.trim()}", found ${found}; update tests/helpers/nginx.ts with it`);
  }
  return text.split(from).join(to);
}

export type SiteForTest = {
  appPorts: [number, number];
  httpPort: number;
  httpsPort: number;
  certFile: string;
  keyFile: string;
  clientDir: string;
  accessLog: string;
};

/**
 * The example site with the test's ports, certificate and paths, listening on
 * 127.0.0.1 only (no IPv6 on some machines), and one header more: which app
 * process answered (X-Upstream), so the test can tell.
 */
export function siteForTest(options: SiteForTest): string {
  let site = readFileSync(NGINX_SITE_TEMPLATE, "utf8");
  site = swap(site, "127.0.0.1:3001", `127.0.0.1:${options.appPorts[0]}`);
  site = swap(site, "127.0.0.1:3002", `127.0.0.1:${options.appPorts[1]}`);
  site = swap(site, "    listen [::]:80;\n", "");
  site = swap(site, "    listen [::]:443 ssl http2;\n", "");
  site = swap(site, "listen 80;", `listen 127.0.0.1:${options.httpPort};`);
  site = swap(site, "listen 443 ssl http2;", `listen 127.0.0.1:${options.httpsPort} ssl http2;`);
  site = swap(site, "/etc/ssl/hocso/fullchain.pem", options.certFile);
  site = swap(site, "/etc/ssl/hocso/privkey.pem", options.keyFile);
  site = swap(site, "/srv/hocso/build/client", options.clientDir);
  site = swap(site, "/var/log/nginx/hocso.access.log", options.accessLog);
  site = swap(site, "        proxy_pass http://hocso_app;\n", "        proxy_pass http://hocso_app;\n        add_header X-Upstream $upstream_addr always;\n");
  return site;
}

/**
 * The main configuration around the site: everything nginx would otherwise
 * write under /var (pid, logs, temporary files) goes to `dir`; one worker
 * process, so round-robin order is the order requests arrive in.
 */
function mainConfig(dir: string, siteFile: string) {
  const asRoot = process.getuid?.() === 0;
  const mimeTypes = "/etc/nginx/mime.types";
  return [
    // As root, nginx's workers would drop to "nobody", who cannot enter a
    // private temporary folder; unprivileged, the directive does not apply.
    asRoot ? "user root;" : "",
    "worker_processes 1;",
    "daemon off;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    existsSync(mimeTypes)
      ? `  include ${mimeTypes};`
      : "  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; font/woff2 woff2; }",
    "  default_type application/octet-stream;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${dir}/${name}-temp;`),
    `  include ${siteFile};`,
    "}",
    "",
  ].join("\n");
}

async function waitForPort(port: number, child: ChildProcess, logs: () => string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${logs()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx never listened on ${port}:\n${logs()}`);
}

export type RunningNginx = { stop: () => Promise<void>; errorLog: () => string };

/** Checks the configuration (`nginx -t`), then runs nginx in the foreground until stop(). */
export async function startNginx(options: { binary: string; dir: string; site: string; waitForPort: number }): Promise<RunningNginx> {
  const siteFile = path.join(options.dir, "hocso.conf");
  const configFile = path.join(options.dir, "nginx.conf");
  const errorLogFile = path.join(options.dir, "error.log");
  writeFileSync(siteFile, options.site);
  writeFileSync(configFile, mainConfig(options.dir, siteFile));
  // -e: the error log from the first moment, before the configuration is read
  // (Debian's built-in default, /var/log/nginx, may not be writable).
  const args = ["-e", errorLogFile, "-p", options.dir, "-c", configFile];
  const check = spawnSync(options.binary, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  // Its own process group: stop() reaches the master and its worker by that id.
  const child = spawn(options.binary, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const errorLog = () => output + (existsSync(errorLogFile) ? readFileSync(errorLogFile, "utf8") : "");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(options.waitForPort, child, errorLog);
  return {
    errorLog,
    async stop() {
      const pid = child.pid;
      if (child.exitCode !== null || child.signalCode !== null || pid === undefined) return;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-pid, signal);
        } catch {
          // already gone
        }
      };
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
