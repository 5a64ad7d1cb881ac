import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { EnvError, envSchema, parseEnv } from "./env.server";

describe("parseEnv", () => {
  test("fills in defaults for a bare environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      HOST: "0.0.0.0",
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
      EMBEDDED_POSTGRES_DIR: ".data/postgres",
      LOG_LEVEL: "info",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("treats empty values as unset, as .env files mean them", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test("names every bad variable", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  test("accepts a real configuration", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      PORT: "8080",
      DATABASE_URL: "postgresql://hocso:secret@db:5432/hocso",
      APP_URL: "https://hocso.example.gov.vn",
    });
    expect(env).toMatchObject({ NODE_ENV: "production", PORT: 8080, APP_URL: "https://hocso.example.gov.vn" });
  });

  test("audit log retention: a year by default, never under 90 days; the privacy contact is an address", () => {
    expect(parseEnv({})).toMatchObject({ AUDIT_LOG_RETENTION_DAYS: 365, PRIVACY_CONTACT_EMAIL: "dulieucanhan@hocso.local" });
    expect(parseEnv({ AUDIT_LOG_RETENTION_DAYS: "730" }).AUDIT_LOG_RETENTION_DAYS).toBe(730);
    for (const bad of ["30", "0", "-5", "forever", "4000"]) {
      expect(() => parseEnv({ AUDIT_LOG_RETENTION_DAYS: bad })).toThrow(/AUDIT_LOG_RETENTION_DAYS/);
    }
    expect(() => parseEnv({ PRIVACY_CONTACT_EMAIL: "phòng tổ chức" })).toThrow(/PRIVACY_CONTACT_EMAIL/);
  });
});

test(".env.example lists exactly the variables the app reads", () => {
  const listed = readFileSync(".env.example", "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split("=")[0])
    .sort();
  expect(listed).toEqual(Object.keys(envSchema.shape).sort());
});
