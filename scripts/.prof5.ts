import { performance } from "node:perf_hooks";
import { benchServer } from "./lib/bench-database";
const db = await benchServer();
process.env.DATABASE_URL = db.url;
const { prisma } = await import("../app/utils/db.server");
const { Prisma } = await import("../app/generated/prisma/client");
const asOf = new Date(new Date().toISOString().slice(0,10));
async function t(label: string, f: () => Promise<unknown>) { for (let i = 0; i < 5; i++) await f(); const st = performance.now(); for (let i = 0; i < 20; i++) await f(); console.log(label, ((performance.now() - st) / 20).toFixed(1), "ms"); }
const where = Prisma.sql`TRUE AND ${Prisma.sql`TRUE`} AND ${Prisma.sql`TRUE`}`;
await t("composed", () => prisma.$queryRaw(Prisma.sql`SELECT s.unit_id AS key_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, coalesce(sum(s.assigned - s.done) FILTER (WHERE s.due_on < ${asOf}::date), 0)::int AS overdue FROM completion_summary s ${Prisma.empty} WHERE ${where} GROUP BY s.unit_id`));
await t("composed text", () => prisma.$queryRaw(Prisma.sql`SELECT s.unit_id::text AS key_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, coalesce(sum(s.assigned - s.done) FILTER (WHERE s.due_on < ${asOf}::date), 0)::int AS overdue FROM completion_summary s ${Prisma.empty} WHERE ${where} GROUP BY s.unit_id`));
await prisma.$disconnect(); await db.stop();
