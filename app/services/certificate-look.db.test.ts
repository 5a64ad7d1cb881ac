import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, test } from "vitest";
import { createTemplateVersion } from "~/models/certificate-template.server";
import { findCertificateByCode, listRevisions, reissueCertificate } from "~/models/certificate.server";
import { enrol, markItemDone } from "~/models/enrolment.server";
import { storeImage } from "~/models/media.server";
import { prisma } from "~/utils/db.server";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { action as previewAction } from "../routes/admin.certificates_.template.preview[.pdf]";
import { loader as verifyLoader } from "../routes/verify.$code";
import { lookForCertificate } from "./certificate-look.server";
import { renderCertificatePdf } from "./certificate-pdf.server";

// Administrators change the template; certificates already issued do not
// change by a byte; new ones carry the new wording, colour, logo and signer.

let courseId = "";
let adminId = "";
let counter = 0;

async function completeCourse() {
  const person = await makePerson({ email: `mau${counter++}@example.test`, fullName: "Nguyễn Thị Hồng Nhung" });
  const enrolmentId = (await enrol({ userId: person.id, courseId, source: "SELF" }))!;
  await markItemDone({ userId: person.id, enrolmentId, itemKey: "b" });
  return (await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } })).code;
}

async function pdfOf(code: string) {
  const certificate = (await findCertificateByCode({ code }))!;
  return renderCertificatePdf(certificate, `https://hocso.example/verify/${code}`, await lookForCertificate(certificate));
}

function textOf(pdf: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hoc-so-mau-")), "c.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC");
}

function pngBytes() {
  const png = new PNG({ width: 40, height: 20 });
  png.data.fill(90);
  return new Uint8Array(PNG.sync.write(png));
}

beforeAll(async () => {
  await makeUnits();
  courseId = await publishTestCourse(oneLessonCourse("mau-chung-chi", "Chuyển đổi số: nhận thức chung"));
  adminId = (await makePerson({ email: "quantri.mau@example.test", role: "ADMIN" })).id;
});

describe("certificate templates", () => {
  test("a new template changes new certificates only; issued ones stay the same bytes", async () => {
    const before = await completeCourse();
    const beforePdf = await pdfOf(before);
    expect((await findCertificateByCode({ code: before }))!.templateId).toBeNull();

    const logo = await storeImage({ bytes: pngBytes(), originalName: "logo.png", uploadedById: adminId });
    await createTemplateVersion({
      heading: "CHỨNG CHỈ BỒI DƯỠNG KỸ NĂNG SỐ",
      intro: "Trao cho",
      completedText: "đã hoàn thành chương trình",
      issuerName: "Sở Nội vụ tỉnh Lâm Đồng",
      signerName: "Phạm Quốc Việt",
      signerTitle: "Giám đốc",
      colour: "#8a1c1c",
      logoId: logo.id,
      signatureId: null,
      createdById: adminId,
    });
    const after = await completeCourse();
    const certificate = (await findCertificateByCode({ code: after }))!;
    expect(certificate).toMatchObject({ issuerName: "Sở Nội vụ tỉnh Lâm Đồng", signerName: "Phạm Quốc Việt", signerTitle: "Giám đốc" });
    expect(certificate.templateId).not.toBeNull();
    const afterPdf = await pdfOf(after);

    expect(Buffer.from(await pdfOf(before)).equals(Buffer.from(beforePdf))).toBe(true);
    if (existsPdftotext()) {
      const text = textOf(afterPdf);
      for (const expected of ["CHỨNG CHỈ BỒI DƯỠNG KỸ NĂNG SỐ", "Trao cho", "đã hoàn thành chương trình", "SỞ NỘI VỤ TỈNH LÂM ĐỒNG", "Phạm Quốc Việt"]) expect(text).toContain(expected);
      expect(textOf(beforePdf)).toContain("CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC");
    }

    // Version 2 changes nothing already issued under version 1.
    await createTemplateVersion({
      heading: "GIẤY CHỨNG NHẬN",
      intro: "Chứng nhận",
      completedText: "đã học xong",
      issuerName: certificate.issuerName,
      signerName: null,
      signerTitle: null,
      colour: "#12355b",
      logoId: null,
      signatureId: null,
      createdById: adminId,
    });
    expect(Buffer.from(await pdfOf(after)).equals(Buffer.from(afterPdf))).toBe(true);
  });

  test("the preview draws the unsaved form on a sample certificate, and saves nothing", async () => {
    const versions = await prisma.certificateTemplate.count();
    const form = new FormData();
    for (const [name, value] of Object.entries({ heading: "CHỨNG CHỈ THỬ", intro: "Trao cho", completedText: "đã học xong", issuerName: "Sở Nội vụ", signerName: "", signerTitle: "", colour: "#1d6b3a" })) form.append(name, value);
    const encoded = new Request("http://localhost/", { method: "POST", body: form });
    const body = await encoded.arrayBuffer();
    const cookie = await sessionCookieFor(adminId, "ADMIN");
    const request = new Request("http://localhost/admin/certificates/template/preview.pdf", {
      method: "POST",
      body,
      headers: { Cookie: cookie, "Content-Type": encoded.headers.get("Content-Type")!, "Content-Length": String(body.byteLength) },
    });
    const response = await previewAction({ request, params: {}, context: {} });
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    if (existsPdftotext()) expect(textOf(pdf)).toContain("CHỨNG CHỈ THỬ");
    expect(await prisma.certificateTemplate.count()).toBe(versions);
  });

  test("an image that cannot be drawn is refused before anything is stored; a good one is previewed without being stored", async () => {
    const cookie = await sessionCookieFor(adminId, "ADMIN");
    const post = async (logo: Uint8Array) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ heading: "CHỨNG CHỈ", intro: "Trao cho", completedText: "đã học xong", issuerName: "Sở Nội vụ", signerName: "", signerTitle: "", colour: "#12355b" })) form.append(name, value);
      form.append("logo", new File([new Uint8Array(logo)], "logo.png", { type: "image/png" }));
      const encoded = new Request("http://localhost/", { method: "POST", body: form });
      const body = await encoded.arrayBuffer();
      return previewAction({
        request: new Request("http://localhost/admin/certificates/template/preview.pdf", {
          method: "POST",
          body,
          headers: { Cookie: cookie, "Content-Type": encoded.headers.get("Content-Type")!, "Content-Length": String(body.byteLength) },
        }),
        params: {},
        context: {},
      });
    };
    const media = await prisma.mediaAsset.count();
    const broken = await post(pngBytes().subarray(0, 40));
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("Không đọc được ảnh này");
    const good = await post(pngBytes());
    expect(good.headers.get("Content-Type")).toBe("application/pdf");
    expect(await prisma.mediaAsset.count()).toBe(media);
  });

  test("a template version is never changed in place", async () => {
    const template = await prisma.certificateTemplate.findFirstOrThrow();
    await expect(prisma.certificateTemplate.update({ where: { id: template.id }, data: { heading: "ĐỔI" } })).rejects.toThrow();
  });
});

describe("re-issuing a certificate", () => {
  test("a corrected name gets a new code; the old one verifies as replaced, and the history stays", async () => {
    const oldCode = await completeCourse();
    const newCode = await reissueCertificate({ code: oldCode, holderName: "Nguyễn Thị Hồng Nhung", unitName: "Sở Nội vụ", reason: "Sửa tên đơn vị theo quyết định sáp nhập", actorId: adminId });
    expect(newCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(newCode).not.toBe(oldCode);
    expect(await findCertificateByCode({ code: oldCode })).toBeNull();
    const current = (await findCertificateByCode({ code: newCode! }))!;
    expect(current.unitName).toBe("Sở Nội vụ");
    expect(await listRevisions({ certificateId: current.id })).toEqual([
      expect.objectContaining({ code: oldCode, reason: "Sửa tên đơn vị theo quyết định sáp nhập", replacedBy: { fullName: expect.any(String) } }),
    ]);

    const verify = (code: string) => verifyLoader({ request: new Request(`http://localhost/verify/${code}`), params: { code }, context: {} });
    expect(((await verify(oldCode)) as { found: { state: string } }).found.state).toBe("replaced");
    expect(((await verify(newCode!)) as { found: { state: string } }).found.state).toBe("valid");
    // When the replacement is revoked, the old code says so too.
    await prisma.certificate.update({ where: { code: newCode! }, data: { revokedAt: new Date(), revokeReason: "Thử" } });
    expect(((await verify(oldCode)) as { found: { state: string } }).found.state).toBe("revoked");
    // A revoked certificate is not re-issued.
    expect(await reissueCertificate({ code: newCode!, holderName: "Ai đó", unitName: null, reason: "Không được", actorId: adminId })).toBeNull();
  });
});

function existsPdftotext() {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
