import { beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { findPeopleForList } from "./people-list.server";

const request = (query: string) => new Request(`http://localhost/people?${query}`);
const idOf = async (code: string) => (await prisma.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
const emails = (result: Awaited<ReturnType<typeof findPeopleForList>>) => result.people.map((person) => person.email).sort();

beforeAll(async () => {
  await makeUnits();
  await makePerson({ email: "a1@example.test", fullName: "Nguyễn Văn Ân", unitCode: "T-A-1" });
  await makePerson({ email: "a@example.test", fullName: "Trần Thị Bích", unitCode: "T-A", role: "TRAINER" });
  await makePerson({ email: "b@example.test", fullName: "Lê Văn Cường", unitCode: "T-B" });
});

test("a manager's list stays inside their units, whatever the address asks for", async () => {
  const scope = [await idOf("T-A")];
  expect(emails(await findPeopleForList(request(""), scope))).toEqual(["a1@example.test", "a@example.test"]);
  // Asking for a unit outside the scope shows the scope, not that unit.
  expect(emails(await findPeopleForList(request(`unit=${await idOf("T-B")}`), scope))).toEqual(["a1@example.test", "a@example.test"]);
  expect(emails(await findPeopleForList(request(`unit=${await idOf("T-A-1")}`), scope))).toEqual(["a1@example.test"]);
  expect((await findPeopleForList(request(""), scope)).units.map((unit) => unit.name).sort()).toEqual(["Phòng A1", "Sở A"]);
});

test("filters combine: name without diacritics, role, category, status; nonsense values are ignored", async () => {
  expect(emails(await findPeopleForList(request("q=nguyen+van+an"), null))).toEqual(["a1@example.test"]);
  expect(emails(await findPeopleForList(request("role=TRAINER"), null))).toEqual(["a@example.test"]);
  expect(emails(await findPeopleForList(request("status=DISABLED"), null))).toEqual([]);
  expect(emails(await findPeopleForList(request("role=ROOT&status=x&unit=not-a-uuid"), null))).toHaveLength(3);
});

test("lists follow the official order: given name first, Vietnamese alphabet", async () => {
  await makePerson({ email: "d1@example.test", fullName: "Phạm Thị Ánh", unitCode: "T-B" });
  await makePerson({ email: "d2@example.test", fullName: "Hoàng Văn An", unitCode: "T-B" });
  await makePerson({ email: "d3@example.test", fullName: "Đỗ Minh Đức", unitCode: "T-B" });
  await makePerson({ email: "d4@example.test", fullName: "Vũ Thị Dung", unitCode: "T-B" });
  const names = (await findPeopleForList(request(""), null)).people.map((person) => person.fullName);
  // An < Ánh < Ân (ă, â are letters after a; tones come second); D < Đ.
  expect(names).toEqual([
    "Hoàng Văn An",
    "Phạm Thị Ánh",
    "Nguyễn Văn Ân",
    "Trần Thị Bích",
    "Lê Văn Cường",
    "Vũ Thị Dung",
    "Đỗ Minh Đức",
  ]);
});
