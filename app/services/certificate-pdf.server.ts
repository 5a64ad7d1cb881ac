import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { CertificateRecord } from "~/models/certificate.server";
import { dayOf } from "~/utils/format";
import { singleton } from "~/utils/singleton.server";

// The certificate as a PDF (A4 landscape). Vietnamese needs a TrueType font
// with every mark: Be Vietnam Pro from npm (woff files render blank in
// pdf-lib, see shared FACTS). The PDF depends only on the certificate's row
// (dates included), so an issued certificate can be made again byte for byte.

const require = createRequire(import.meta.url);
const fonts = singleton("certificate-fonts", async () => ({
  regular: await readFile(require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf")),
  bold: await readFile(require.resolve("@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf")),
}));

const INK = rgb(0.11, 0.14, 0.19);
const MUTED = rgb(0.29, 0.33, 0.4);

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color });
}

/** Shrinks a long line (a long course title) until it fits. */
function fitted(text: string, font: PDFFont, size: number, maxWidth: number) {
  let fontSize = size;
  while (fontSize > 12 && font.widthOfTextAtSize(text, fontSize) > maxWidth) fontSize -= 1;
  return fontSize;
}

const date = (value: Date) => `ngày ${value.getUTCDate()} tháng ${value.getUTCMonth() + 1} năm ${value.getUTCFullYear()}`;

/** An image to embed: pdf-lib draws PNG and JPEG. */
export type LookImage = { bytes: Uint8Array; contentType: string };

/**
 * How a certificate looks (an administrators' template version, or the
 * built-in look of certificates issued before templates): wording, colour,
 * logo and signature image. Who issues and signs is in the certificate row.
 */
export type CertificateLook = { heading: string; intro: string; completedText: string; colour: string; logo: LookImage | null; signature: LookImage | null };

export const BUILT_IN_LOOK: CertificateLook = {
  heading: "CHỨNG NHẬN HOÀN THÀNH KHOÁ HỌC",
  intro: "Chứng nhận",
  completedText: "đã hoàn thành khoá học",
  colour: "#12355b",
  logo: null,
  signature: null,
};

/** The brand blue as certificates were first drawn: kept exact, so those PDFs stay the same bytes. */
const FIRST_BRAND = rgb(0.07, 0.21, 0.36);

function colourOf(hex: string) {
  if (hex === "#12355b") return FIRST_BRAND;
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

async function embedImage(pdf: PDFDocument, image: LookImage | null) {
  if (!image) return null;
  if (image.contentType === "image/png") return pdf.embedPng(image.bytes);
  if (image.contentType === "image/jpeg") return pdf.embedJpg(image.bytes);
  return null;
}

/** Scales an image to fit a box, keeping its shape. */
function fitInBox(image: { width: number; height: number }, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
  return { width: image.width * scale, height: image.height * scale };
}

export async function renderCertificatePdf(certificate: CertificateRecord, verifyUrl: string, look: CertificateLook = BUILT_IN_LOOK): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const { regular, bold } = await fonts;
  const font = await pdf.embedFont(regular, { subset: true });
  const heavy = await pdf.embedFont(bold, { subset: true });
  // Fixed metadata: the same certificate always gives the same bytes.
  pdf.setTitle(`Chứng chỉ ${certificate.code}`);
  pdf.setAuthor(certificate.issuerName);
  pdf.setCreator("Học Số");
  pdf.setProducer("Học Số");
  pdf.setCreationDate(certificate.issuedAt);
  pdf.setModificationDate(certificate.issuedAt);

  const BRAND = colourOf(look.colour);
  const page = pdf.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: BRAND, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: BRAND, borderWidth: 0.75 });

  centred(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", height - 80, heavy, 13);
  centred(page, "Độc lập - Tự do - Hạnh phúc", height - 98, font, 12);
  centred(page, certificate.issuerName.toUpperCase(), height - 130, heavy, 12, BRAND);
  const logo = await embedImage(pdf, look.logo);
  if (logo) {
    const size = fitInBox(logo, 80, 80);
    page.drawImage(logo, { x: 60, y: height - 60 - size.height, ...size });
  }
  centred(page, look.heading, height - 185, heavy, fitted(look.heading, heavy, 28, width - 160), BRAND);
  centred(page, look.intro, height - 225, font, 14, MUTED);
  centred(page, certificate.holderName, height - 262, heavy, fitted(certificate.holderName, heavy, 30, width - 160));
  if (certificate.unitName) centred(page, certificate.unitName, height - 288, font, 13, MUTED);
  centred(page, look.completedText, height - 322, font, 14, MUTED);
  centred(page, certificate.courseTitle, height - 354, heavy, fitted(certificate.courseTitle, heavy, 22, width - 160), BRAND);
  const hours = Math.round((certificate.minutes / 60) * 10) / 10;
  centred(page, `Thời lượng: ${String(hours).replace(".", ",")} giờ · Hoàn thành ${date(certificate.completedOn)}`, height - 384, font, 12);

  // Signature block, right.
  const signX = width - 300;
  page.drawText(`Cấp ${date(dayOf(certificate.issuedAt))}`, { x: signX, y: 150, size: 11, font, color: MUTED });
  if (certificate.signerTitle) page.drawText(certificate.signerTitle.toUpperCase(), { x: signX, y: 130, size: 11, font: heavy, color: INK });
  const signature = await embedImage(pdf, look.signature);
  if (signature) {
    const size = fitInBox(signature, 180, 48);
    page.drawImage(signature, { x: signX, y: 88, ...size });
  }
  if (certificate.signerName) page.drawText(certificate.signerName, { x: signX, y: 70, size: 13, font: heavy, color: INK });

  // Verification, left: the code and a QR code to the public page.
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: "M" });
  const cells = qr.modules.size;
  const cell = 2.4;
  const qrX = 60;
  const qrY = 60;
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      if (qr.modules.get(row, col)) page.drawRectangle({ x: qrX + col * cell, y: qrY + (cells - 1 - row) * cell, width: cell, height: cell, color: INK });
    }
  }
  const textX = qrX + cells * cell + 14;
  page.drawText("Mã chứng chỉ", { x: textX, y: 112, size: 10, font, color: MUTED });
  page.drawText(certificate.code, { x: textX, y: 94, size: 16, font: heavy, color: INK });
  page.drawText("Xác minh tại", { x: textX, y: 76, size: 10, font, color: MUTED });
  page.drawText(verifyUrl, { x: textX, y: 62, size: 9, font, color: BRAND });

  return pdf.save({ useObjectStreams: false });
}
