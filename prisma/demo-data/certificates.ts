import { PNG } from "pngjs";
import { createTemplateVersion, getCurrentTemplate } from "~/models/certificate-template.server";
import { storeImage } from "~/models/media.server";
import { findUserForSignIn } from "~/models/user.server";
import { BUILT_IN_LOOK } from "~/services/certificate-pdf.server";
import { getEnv } from "~/utils/env.server";
import { DEMO_DOMAIN } from "./people";

// The demo province's certificate template: signed by the director of the
// Department of Science and Technology (a fictional name), with a drawn
// signature, so demo certificates look like the real thing.

/** A handwritten-looking stroke, drawn as a PNG with a transparent background. */
function signatureImage(): Uint8Array {
  const width = 360;
  const height = 110;
  const png = new PNG({ width, height });
  png.data.fill(0);
  const ink = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const at = (py * width + px) * 4;
        png.data[at] = 18;
        png.data[at + 1] = 40;
        png.data[at + 2] = 110;
        png.data[at + 3] = 255;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 20 + t * 320;
    const y = 60 + Math.sin(t * 18) * 22 * (1 - t) + Math.cos(t * 7) * 10;
    ink(x, y);
  }
  for (let t = 0; t <= 1; t += 0.001) ink(60 + t * 250, 92 - t * 8);
  return new Uint8Array(PNG.sync.write(png));
}

export async function seedDemoCertificateTemplate() {
  if (await getCurrentTemplate()) return false;
  const admin = await findUserForSignIn(`quantri@${DEMO_DOMAIN}`);
  const signature = await storeImage({ bytes: signatureImage(), originalName: "chu-ky-demo.png", uploadedById: admin?.id ?? null });
  await createTemplateVersion({
    heading: BUILT_IN_LOOK.heading,
    intro: BUILT_IN_LOOK.intro,
    completedText: BUILT_IN_LOOK.completedText,
    colour: BUILT_IN_LOOK.colour,
    issuerName: getEnv().CERT_ISSUER_NAME,
    signerName: "Trần Văn Bình",
    signerTitle: "Giám đốc Sở Khoa học và Công nghệ",
    logoId: null,
    signatureId: signature.id,
    createdById: admin?.id ?? null,
  });
  return true;
}
