import { z } from "zod";

// Every setting the app reads comes from the environment and is checked here,
// once, at start-up (see docs/decisions/008-configuration.md). `.env.example`
// lists the same variables; a test keeps the two in step.

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: "must be a postgresql:// URL",
  });

const port = z.coerce.number().int().min(1).max(65535);

export const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: port.default(3000),
  // The address people reach the site at, for links in e-mails. Never taken
  // from the request: a forged Host header would then send reset links to
  // someone else's site. Unset: http://localhost:PORT (a laptop demo).
  APP_URL: z.url().optional(),
  // How many proxies (nginx, a load balancer) stand in front and may be
  // trusted for X-Forwarded-For/-Proto. 0 when clients connect directly.
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  // Unset: an embedded PostgreSQL is started (only with `npm start`,
  // `npm run dev` and the tests — never by the production server).
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_POSTGRES_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_POSTGRES_PORT: port.default(5439),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  // Mail: an SMTP server as smtp(s)://user:password@host:port. Unset: mail
  // is kept in the Outbox table, which administrators read in the app.
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Học Số <khong-tra-loi@hocso.local>"),
  // Sessions: a normal session lasts this many days, extended while used.
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Administrators' sessions end after this many hours whatever happens,
  // and after this many minutes without activity.
  ADMIN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  ADMIN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(30),
  // Uploaded images (lesson pictures, course covers) are kept here, one
  // file per content hash (app/utils/media-store.server.ts).
  MEDIA_DIR: z.string().min(1).default(".data/media"),
  /** Where report exports made by the job queue are written (each kept for REPORT_EXPORT_HOURS). */
  EXPORT_DIR: z.string().min(1).default(".data/exports"),
  REPORT_EXPORT_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  // The largest image a trainer may upload, in bytes.
  MEDIA_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5_000_000),
  // Run the background job worker inside the web process. Default: only
  // with --demo (npm start); production runs `node build/main.js worker`.
  JOBS_IN_PROCESS: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  // Server-Timing header on every response: the SQL statements the request
  // sent and the time it took (for the query-count test and for developers;
  // leave off in production, where it tells strangers how pages work).
  SERVER_TIMING: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  // Mandatory training: how many days before the due date the reminder goes.
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(90).default(7),
  // Certificates: who issues them, and who signs (printed on every certificate).
  CERT_ISSUER_NAME: z.string().min(3).default("Sở Khoa học và Công nghệ tỉnh Lâm Đồng"),
  CERT_SIGNER_NAME: z.string().min(1).optional(),
  CERT_SIGNER_TITLE: z.string().min(1).optional(),
  // Open Badges 3.0: the issuer's Ed25519 signing key, as PKCS#8 PEM ("\n"
  // for line breaks allowed). Without it, a key is made once and kept in
  // OB_ISSUER_KEY_FILE (fine for one machine; set the key for several).
  OB_ISSUER_KEY: z.string().min(1).optional(),
  OB_ISSUER_KEY_FILE: z.string().min(1).default(".data/ob-issuer-key.pem"),
  // Writes (form posts, quiz saves, uploads) allowed per minute, per
  // session and per address (a whole office may share one address).
  WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  WRITE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  // Audit log events older than this many days are deleted by the nightly
  // housekeeping job (ADR 026). A year covers a whole yearly training cycle
  // and the twelve months Decree 53/2022 asks system logs to be kept; an
  // investigation needing longer copies them out first.
  AUDIT_LOG_RETENTION_DAYS: z.coerce.number().int().min(90).max(3650).default(365),
  // Where people write about their personal data (on the privacy notice).
  PRIVACY_CONTACT_EMAIL: z.email().default("dulieucanhan@hocso.local"),
  // How long SIGTERM waits for requests in flight before closing anyway.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a set of variables; throws an EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in .env means "not set", as most tools read it.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
  );
}

let cached: Env | undefined;

/** The site's own address, for links sent by mail. */
export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** The validated environment of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Validates process.env again. Called once by the start-up code after it has
 * started the embedded PostgreSQL and set DATABASE_URL.
 */
export function reloadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}
