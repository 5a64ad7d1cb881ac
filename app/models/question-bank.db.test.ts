import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makePerson, makeUnits } from "../../tests/helpers/people";
import { BankRuleError, createBank, findBankQuestions, getBank, importBank, listBanks, saveBank } from "./question-bank.server";

const GIFT = "$CATEGORY: $course$/top/Chung\n::Một::Câu một {T}\n\n::Hai::Câu hai {=A ~B}\n";

let trainerId = "";
beforeAll(async () => {
  await makeUnits();
  trainerId = (await makePerson({ email: "nganhang@example.test", role: "TRAINER" })).id;
});

describe("shared question banks", () => {
  test("a bank is created once per slug and saved only from its latest revision", async () => {
    const { id } = await createBank({ slug: "dung-chung", title: "Dùng chung", createdById: trainerId });
    await expect(createBank({ slug: "dung-chung", title: "Khác", createdById: trainerId })).rejects.toBeInstanceOf(BankRuleError);
    expect(await saveBank({ bankId: id, creatorId: trainerId, revision: 1, title: "Dùng chung", body: GIFT })).toBe("saved");
    // A second tab still on revision 1.
    expect(await saveBank({ bankId: id, creatorId: trainerId, revision: 1, title: "Dùng chung", body: "" })).toBe("conflict");
    expect((await getBank({ bankId: id }))!.body).toBe(GIFT);
    // Another trainer cannot, whatever the page sends.
    const other = (await makePerson({ email: "khac@example.test", role: "TRAINER" })).id;
    expect(await saveBank({ bankId: id, creatorId: other, revision: 2, title: "Chiếm", body: "" })).toBe("missing");
    expect((await listBanks()).find((bank) => bank.slug === "dung-chung")!.questions).toBe(2);
    const questions = await findBankQuestions(["dung-chung", "khong-co"]);
    expect([...questions.keys()]).toEqual(["dung-chung"]);
    expect(questions.get("dung-chung")!.map((question) => question.title)).toEqual(["Một", "Hai"]);
  });

  test("importing from content/banks: created, then unchanged; studio edits are kept unless forced", async () => {
    expect(await importBank({ slug: "tu-tep", title: "Từ tệp", body: GIFT, sourceHash: "a", force: false })).toBe("created");
    expect(await importBank({ slug: "tu-tep", title: "Từ tệp", body: GIFT, sourceHash: "a", force: false })).toBe("unchanged");
    expect(await importBank({ slug: "tu-tep", title: "Từ tệp", body: `${GIFT}\n::Ba::Câu ba {F}\n`, sourceHash: "b", force: false })).toBe("updated");
    const bank = await prisma.questionBank.findUniqueOrThrow({ where: { slug: "tu-tep" } });
    expect(await saveBank({ bankId: bank.id, creatorId: null, revision: bank.revision, title: "Sửa trong studio", body: GIFT })).toBe("saved");
    expect(await importBank({ slug: "tu-tep", title: "Từ tệp", body: GIFT, sourceHash: "c", force: false })).toBe("kept");
    expect((await getBank({ bankId: bank.id }))!.title).toBe("Sửa trong studio");
    expect(await importBank({ slug: "tu-tep", title: "Từ tệp", body: GIFT, sourceHash: "c", force: true })).toBe("updated");
    expect((await getBank({ bankId: bank.id }))!.title).toBe("Từ tệp");
  });
});
