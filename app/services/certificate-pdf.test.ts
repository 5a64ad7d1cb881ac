import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { CertificateRecord } from "~/models/certificate.server";
import { renderCertificatePdf } from "./certificate-pdf.server";

const certificate: CertificateRecord = {
  id: "0198a7b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b",
  code: "7KQ2M9XH4T",
  enrolmentId: "0198a7b2-3c4d-7e8f-9a0b-1c2d3e4f5a6c",
  userId: "0198a7b2-3c4d-7e8f-9a0b-1c2d3e4f5a6d",
  holderName: "Nguyễn Thị Hồng Nhung",
  unitName: "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ",
  courseTitle: "Chuyển đổi số: nhận thức chung",
  minutes: 90,
  completedOn: new Date("2026-11-20T00:00:00Z"),
  issuerName: "Sở Khoa học và Công nghệ tỉnh Lâm Đồng",
  signerName: "Trần Văn Bình",
  signerTitle: "Giám đốc",
  issuedAt: new Date("2026-11-20T08:15:00Z"),
  expiresOn: null,
  revokedAt: null,
  revokeReason: null,
  templateId: null,
};
const url = "https://hocso.example/verify/7KQ2M9XH4T";

describe("the certificate PDF", () => {
  test("a certificate issued before templates is the same bytes as when it was issued", async () => {
    // SHA-256 of this record's PDF as the first renderer made it (commit 09acc9c).
    const pdf = await renderCertificatePdf(certificate, url);
    expect(createHash("sha256").update(pdf).digest("hex")).toBe("ee4248fc0a8b6f5e24e350d8d00cee47e7764fdd21a7720b5cc187caede9835d");
  });

  test("is made again byte for byte from the same record", async () => {
    const [a, b] = await Promise.all([renderCertificatePdf(certificate, url), renderCertificatePdf(certificate, url)]);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  // Needs poppler-utils (installed by .ci/run): the text as a reader's PDF tool sees it.
  test.runIf(existsSync("/usr/bin/pdftotext"))("keeps every Vietnamese mark in its text", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hoc-so-cert-"));
    const file = path.join(dir, "chung-chi.pdf");
    writeFileSync(file, await renderCertificatePdf(certificate, url));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFC");
    for (const expected of [
      "Nguyễn Thị Hồng Nhung",
      "Chuyển đổi số: nhận thức chung",
      "CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LÂM ĐỒNG",
      "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ",
      "Hoàn thành ngày 20 tháng 11 năm 2026",
      "7KQ2M9XH4T",
      url,
    ]) {
      expect(text).toContain(expected);
    }
  });
});
