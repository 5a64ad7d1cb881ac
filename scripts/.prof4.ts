import { performance } from "node:perf_hooks";
import { benchServer } from "./lib/bench-database";
const db = await benchServer();
process.env.DATABASE_URL = db.url;
const { prisma } = await import("../app/utils/db.server");
const asOf = new Date(new Date().toISOString().slice(0,10));
async function t(label: string, f: () => Promise<unknown>) { for (let i = 0; i < 5; i++) await f(); const st = performance.now(); for (let i = 0; i < 20; i++) await f(); console.log(label, ((performance.now() - st) / 20).toFixed(1), "ms"); }
await t("nested", () => prisma.$queryRaw`SELECT g.unit_id::text AS unit_id, sum(g.assigned)::int AS assigned, sum(g.done)::int AS done, sum(g.overdue)::int AS overdue FROM (SELECT s.unit_id, s.assignment_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, coalesce(sum(s.assigned - s.done) FILTER (WHERE s.due_on < ${asOf}::date), 0)::int AS overdue FROM completion_summary s WHERE TRUE AND TRUE GROUP BY s.unit_id, s.assignment_id) g GROUP BY g.unit_id`);
await t("flat", () => prisma.$queryRaw`SELECT s.unit_id::text AS unit_id, sum(s.assigned)::int AS assigned, sum(s.done)::int AS done, coalesce(sum(s.assigned - s.done) FILTER (WHERE s.due_on < ${asOf}::date), 0)::int AS overdue FROM completion_summary s GROUP BY s.unit_id`);
await t("flat-noparam", () => prisma.$queryRawUnsafe(`SELECT s.unit_id::text AS unit_id, sum(s.assigned)::int AS assigned FROM completion_summary s GROUP BY s.unit_id`));
await t("orgunits", () => prisma.orgUnit.findMany({ select: { id: true, parentId: true, code: true, name: true }, orderBy: { code: "asc" } }));
await t("both", () => Promise.all([prisma.$queryRaw`SELECT s.unit_id::text AS unit_id, sum(s.assigned)::int AS assigned FROM completion_summary s GROUP BY s.unit_id`, prisma.orgUnit.findMany({ select: { id: true, parentId: true, code: true, name: true }, orderBy: { code: "asc" } })]));
await prisma.$disconnect(); await db.stop();
