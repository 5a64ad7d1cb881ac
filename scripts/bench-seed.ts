// `npm run bench:seed`: a whole province for the report benchmarks, in its
// own database (scripts/lib/bench-database.ts), never the demo's:
//   301 units (the province, 20 departments and communes, 280 offices),
//   50,000 people (cán bộ, công chức, viên chức), about 8 % of whom moved
//   unit during the year, 100 published courses, 106 training rules, about
//   900,000 requirements (18 per person) and about 1,000,000 enrolments,
//   about two thirds completed on dates spread over the year.
//
// People, requirements and enrolments are written in bulk by SQL (through
// the app's functions it would take hours); triggers are off while loading,
// then done_on and today's figures are rebuilt from scratch, as after a
// restore. Prints how long that rebuild took.
//
//   npm run bench:seed                 # drops and re-creates the database
//   npm run bench:seed -- --people 5000
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "../server/migrate";
import { benchServer } from "./lib/bench-database";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const PEOPLE = option("people", 50_000);
const DEPARTMENTS = 20;
const OFFICES_PER_DEPARTMENT = 14;
const COURSES = 100;

const DEPARTMENT_NAMES = [
  "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương",
  "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Văn hoá, Thể thao và Du lịch",
  "UBND phường Xuân Hương", "UBND phường Lâm Viên", "UBND xã Lạc Dương", "UBND xã Đơn Dương", "UBND phường Bảo Lộc",
  "UBND xã Di Linh", "UBND xã Đức Trọng", "UBND phường Phan Thiết", "UBND xã Hàm Thuận", "UBND phường Gia Nghĩa",
];
const OFFICE_NAMES = ["Văn phòng", "Phòng Tổ chức", "Phòng Kế hoạch", "Phòng Pháp chế", "Phòng Chuyên môn 1", "Phòng Chuyên môn 2",
  "Phòng Chuyên môn 3", "Bộ phận Một cửa", "Trung tâm Dịch vụ", "Phòng Thanh tra", "Phòng Tài chính", "Phòng Văn hoá",
  "Phòng Kinh tế", "Trạm Hỗ trợ"];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài", "Kim", "Xuân"];
const GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam",
  "Nga", "Ngân", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tú", "Tuấn", "Vân", "Yến"];

const sqlText = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

async function step<T>(label: string, run: () => Promise<T>) {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const server = await benchServer();
  try {
    await step(`database ${server.database} (re-created) and its migrations`, async () => {
      const admin = new pg.Client({ connectionString: server.serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${server.database}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${server.database}"`);
      await admin.end();
      await migrate({ databaseUrl: server.url, migrationsDir: "prisma/migrations" });
    });
    process.env.DATABASE_URL = server.url;
    const { oneLessonCourse, publishTestCourse } = await import("../tests/helpers/courses");
    const { prisma } = await import("../app/utils/db.server");

    await step(`${COURSES} courses`, async () => {
      for (let index = 1; index <= COURSES; index++) {
        await publishTestCourse(oneLessonCourse(`khoa-hoc-do-${String(index).padStart(3, "0")}`, `Khoá học số ${index}: kỹ năng số trong công vụ`));
      }
    });
    await prisma.$disconnect();

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const run = (label: string, sql: string) => step(label, () => client.query(sql));
    try {
      // Loading, as a restore would: no triggers, no foreign-key checks; the
      // derived figures are rebuilt below.
      await client.query("SET session_replication_role = replica");
      await client.query(`CREATE TEMP TABLE bench_day AS SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today`);
      await client.query("SELECT setseed(0.2026)");

      await run("units", `
        INSERT INTO org_unit (id, code, name, kind, parent_id, updated_at)
        VALUES (uuidv7(), 'DO', 'Tỉnh Lâm Đồng (đo hiệu năng)', 'PROVINCE', NULL, now());
        INSERT INTO org_unit (id, code, name, kind, parent_id, updated_at)
        SELECT uuidv7(), 'DO-' || lpad(d::text, 2, '0'), (${sqlText(DEPARTMENT_NAMES)})[d],
               CASE WHEN d <= 10 THEN 'DEPARTMENT' ELSE 'COMMUNE' END::org_unit_kind, (SELECT id FROM org_unit WHERE code = 'DO'), now()
          FROM generate_series(1, ${DEPARTMENTS}) d;
        INSERT INTO org_unit (id, code, name, kind, parent_id, updated_at)
        SELECT uuidv7(), p.code || '-' || lpad(o::text, 2, '0'), (${sqlText(OFFICE_NAMES)})[o] || ' – ' || p.name, 'OFFICE', p.id, now()
          FROM org_unit p CROSS JOIN generate_series(1, ${OFFICES_PER_DEPARTMENT}) o WHERE p.kind <> 'PROVINCE';
        CREATE TEMP TABLE bench_unit AS
          SELECT id, code, row_number() OVER (ORDER BY code) AS n, coalesce(CASE WHEN kind IN ('DEPARTMENT', 'COMMUNE') THEN id END, parent_id) AS department_id
            FROM org_unit WHERE kind <> 'PROVINCE';`);

      await run(`${PEOPLE.toLocaleString("en")} people and their units`, `
        CREATE TEMP TABLE bench_person AS
          SELECT g, uuidv7() AS id,
                 (${sqlText(FAMILY)})[1 + (g * 7) % ${FAMILY.length}] || ' ' || (${sqlText(MIDDLE)})[1 + (g * 5) % ${MIDDLE.length}] || ' ' || (${sqlText(GIVEN)})[1 + (g * 13) % ${GIVEN.length}] AS full_name,
                 CASE WHEN g % 20 < 3 THEN 'CAN_BO' WHEN g % 20 < 11 THEN 'CONG_CHUC' ELSE 'VIEN_CHUC' END::staff_category AS category,
                 1 + (g * 37) % (SELECT count(*) FROM bench_unit) AS unit_n,
                 -- About 8 % moved during the year, on a day in the last ten months.
                 CASE WHEN g % 25 < 2 THEN 1 + (g * 11) % (SELECT count(*) FROM bench_unit) END AS moved_to_n,
                 (SELECT today FROM bench_day) - (20 + (g * 17) % 280) AS moved_on
            FROM generate_series(1, ${PEOPLE}) g;
        INSERT INTO app_user (id, email, full_name, search_name, sort_name, employee_code, staff_category, status, updated_at)
        SELECT id, 'nguoi' || g || '@do.hocso.test', full_name, hoc_so_fold(full_name),
               regexp_replace(full_name, '^(.*\\S)\\s+(\\S+)$', '\\2 \\1'), 'DO' || lpad(g::text, 6, '0'), category, 'ACTIVE', now()
          FROM bench_person;
        INSERT INTO unit_membership (id, user_id, unit_id, valid_from, valid_to)
        SELECT uuidv7(), p.id, u.id, (SELECT today FROM bench_day) - 1500, CASE WHEN p.moved_to_n IS NOT NULL AND p.moved_to_n <> p.unit_n THEN p.moved_on END
          FROM bench_person p JOIN bench_unit u ON u.n = p.unit_n;
        INSERT INTO unit_membership (id, user_id, unit_id, valid_from)
        SELECT uuidv7(), p.id, u.id, p.moved_on
          FROM bench_person p JOIN bench_unit u ON u.n = p.moved_to_n WHERE p.moved_to_n <> p.unit_n;`);

      await run("training rules", `
        CREATE TEMP TABLE bench_course AS SELECT id, row_number() OVER (ORDER BY slug) AS n, published_version_id FROM course;
        -- Eight province-wide rules started over the year, two of them yearly; fixed due days, some passed.
        INSERT INTO assignment (id, course_id, target, unit_id, include_subunits, due_date, recurrence_months, created_at)
        SELECT uuidv7(), c.id, 'UNIT', (SELECT id FROM org_unit WHERE code = 'DO'), TRUE,
               (SELECT today FROM bench_day) + (ARRAY[-200, -120, -60, -10, 30, 60, 90, 150])[r],
               CASE WHEN r IN (1, 5) THEN 12 END, (SELECT today FROM bench_day) - 330 + r * 25
          FROM generate_series(1, 8) r JOIN bench_course c ON c.n = r;
        -- Four rules per department or commune, each due 60 days after it applies to someone.
        INSERT INTO assignment (id, course_id, target, unit_id, include_subunits, due_days, created_at)
        SELECT uuidv7(), c.id, 'UNIT', d.id, TRUE, 60, (SELECT today FROM bench_day) - 300 + k * 40
          FROM org_unit d CROSS JOIN generate_series(0, 3) k
          JOIN bench_course c ON c.n = 9 + ((substr(d.code, 4, 2)::int - 1) * 4 + k) % 60
         WHERE d.kind IN ('DEPARTMENT', 'COMMUNE');
        -- Six rules per staff category, province-wide.
        INSERT INTO assignment (id, course_id, target, staff_category, due_date, created_at)
        SELECT uuidv7(), c.id, 'STAFF_CATEGORY', cat, (SELECT today FROM bench_day) - 90 + k * 30, (SELECT today FROM bench_day) - 250 + k * 20
          FROM unnest(ARRAY['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC']::staff_category[]) WITH ORDINALITY AS cats(cat, ci)
          CROSS JOIN generate_series(0, 5) k JOIN bench_course c ON c.n = 70 + (ci - 1) * 6 + k;`);

      await run("requirements", `
        CREATE TEMP TABLE bench_rule AS
          SELECT a.id, a.course_id, a.target, a.unit_id, a.staff_category, a.due_date, a.due_days,
                 (a.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS starts_on
            FROM assignment a;
        CREATE FUNCTION pg_temp.due(r_due_date date, r_due_days int, assigned date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
          SELECT CASE WHEN r_due_days IS NOT NULL THEN assigned + r_due_days WHEN r_due_date >= assigned THEN r_due_date ELSE assigned + 30 END $$;
        -- Province-wide and staff-category rules follow the person wherever they work: one period each.
        INSERT INTO person_assignment (id, assignment_id, user_id, assigned_on, due_on)
        SELECT uuidv7(), r.id, p.id, r.starts_on, pg_temp.due(r.due_date, r.due_days, r.starts_on)
          FROM bench_rule r JOIN app_user p
            ON (r.target = 'UNIT' AND r.unit_id = (SELECT id FROM org_unit WHERE code = 'DO')) OR (r.target = 'STAFF_CATEGORY' AND r.staff_category = p.staff_category);
        -- A department's rules cover its people while they are there: a mover's period ends on the day they left.
        INSERT INTO person_assignment (id, assignment_id, user_id, assigned_on, due_on, ended_on)
        SELECT uuidv7(), r.id, m.user_id, greatest(r.starts_on, m.valid_from), pg_temp.due(r.due_date, r.due_days, greatest(r.starts_on, m.valid_from)),
               CASE WHEN m.valid_to IS NOT NULL THEN m.valid_to END
          FROM bench_rule r
          JOIN bench_unit u ON u.department_id = r.unit_id
          JOIN unit_membership m ON m.unit_id = u.id AND (m.valid_to IS NULL OR m.valid_to > r.starts_on)
         WHERE r.target = 'UNIT' AND r.unit_id <> (SELECT id FROM org_unit WHERE code = 'DO');`);

      await run("enrolments", `
        INSERT INTO enrolment (id, user_id, course_id, version_id, status, source, started_at, last_activity_at, completed_at)
        SELECT uuidv7(), x.user_id, x.course_id, x.version_id,
               CASE WHEN x.finished THEN 'COMPLETED' ELSE 'IN_PROGRESS' END::enrolment_status, 'ASSIGNED',
               x.started, coalesce(x.finished_at, x.started), x.finished_at
          FROM (
            SELECT DISTINCT ON (pa.user_id, r.course_id) pa.user_id, r.course_id, c.published_version_id AS version_id,
                   (pa.assigned_on + (random() * 10)::int)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS started,
                   f.finished,
                   CASE WHEN f.finished THEN
                     least(now() - interval '1 hour',
                           (pa.assigned_on + (random() * greatest(1, least((SELECT today FROM bench_day), pa.due_on + 20) - pa.assigned_on))::int)::timestamp
                             AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '9 hours')
                   END AS finished_at
              FROM person_assignment pa JOIN bench_rule r ON r.id = pa.assignment_id JOIN bench_course c ON c.id = r.course_id
              CROSS JOIN LATERAL (SELECT random() < CASE WHEN pa.due_on < (SELECT today FROM bench_day) THEN 0.82 ELSE 0.45 END AS finished) f
             WHERE pa.ended_on IS NULL AND random() < 0.95
             ORDER BY pa.user_id, r.course_id
          ) x;
        -- Courses nobody must take, taken anyway: two per person.
        INSERT INTO enrolment (id, user_id, course_id, version_id, status, source, started_at, last_activity_at, completed_at)
        SELECT uuidv7(), p.id, c.id, c.published_version_id,
               CASE WHEN k = 0 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END::enrolment_status, 'SELF',
               now() - interval '100 days', now() - interval '50 days', CASE WHEN k = 0 THEN now() - interval '50 days' END
          FROM bench_person b JOIN app_user p ON p.id = b.id CROSS JOIN generate_series(0, 1) k
          JOIN bench_course c ON c.n = 91 + (b.g + k * 3) % 10;`);

      await run("done_on of every requirement", `
        UPDATE person_assignment pa SET done_on = d.done_on
          FROM (SELECT pa.id, min((e.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS done_on
                  FROM person_assignment pa JOIN assignment a ON a.id = pa.assignment_id
                  JOIN enrolment e ON e.user_id = pa.user_id AND e.course_id = a.course_id AND e.status = 'COMPLETED'
                 WHERE a.recurrence_months IS NULL
                    OR ((e.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh') + make_interval(months => a.recurrence_months))::date > pa.assigned_on
                 GROUP BY pa.id) d
         WHERE d.id = pa.id`);
      await client.query("SET session_replication_role = DEFAULT");
      await run("VACUUM ANALYZE", "VACUUM ANALYZE");
      await run("today's figures rebuilt from scratch (hoc_so_rebuild_completion_summary)", "SELECT hoc_so_rebuild_completion_summary()");
      const { rows } = await client.query<{ units: number; people: number; courses: number; rules: number; requirements: number; enrolments: number; completed: number; summary: number }>(`
        SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM app_user)::int AS people,
               (SELECT count(*) FROM course)::int AS courses, (SELECT count(*) FROM assignment)::int AS rules,
               (SELECT count(*) FROM person_assignment)::int AS requirements, (SELECT count(*) FROM enrolment)::int AS enrolments,
               (SELECT count(*) FROM enrolment WHERE status = 'COMPLETED')::int AS completed,
               (SELECT count(*) FROM completion_summary)::int AS summary`);
      console.log("bench province:", rows[0]);
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
}

await main();
