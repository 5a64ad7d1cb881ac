import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT, type JWK } from "jose";
import type { CertificateRecord } from "~/models/certificate.server";
import { getEnv } from "~/utils/env.server";
import { getLogger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";

// Certificates as Open Badges 3.0 (1EdTech): each one is also an
// OpenBadgeCredential, a W3C verifiable credential, signed as a JWT with
// the issuer's Ed25519 key (EdDSA). The issuer's profile and public key are
// published at stable addresses (/ob/issuer, /ob/jwks.json), so a wallet,
// an employer or another province can check one without asking us.

export const OB_CONTEXT = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;

type IssuerKey = { privateKey: CryptoKey; publicJwk: JWK & { kid: string; alg: "EdDSA"; use: "sig" } };

/** The key from configuration, else from its file, made once if need be. */
async function loadPem(): Promise<string> {
  const env = getEnv();
  if (env.OB_ISSUER_KEY) return env.OB_ISSUER_KEY.replace(/\\n/g, "\n");
  const file = path.resolve(env.OB_ISSUER_KEY_FILE);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const pem = await exportPKCS8(privateKey);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting together keep the one that was written first.
    await writeFile(file, pem, { mode: 0o600, flag: "wx" });
    getLogger().warn({ file }, "no OB_ISSUER_KEY: made an Open Badges signing key and kept it in a file");
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFile(file, "utf8");
    throw error;
  }
}

const keyState = singleton("ob-issuer-key", () => ({ key: null as Promise<IssuerKey> | null }));

export function issuerKey(): Promise<IssuerKey> {
  keyState.key ??= (async () => {
    const privateKey = await importPKCS8(await loadPem(), "EdDSA", { extractable: true });
    const { kty, crv, x } = await exportJWK(privateKey);
    const publicPart = { kty: kty!, crv: crv!, x: x! };
    return { privateKey, publicJwk: { ...publicPart, kid: await calculateJwkThumbprint(publicPart), alg: "EdDSA", use: "sig" } };
  })();
  return keyState.key;
}

/** The key set verifiers fetch (RFC 7517): the public half only. */
export async function issuerJwks() {
  return { keys: [(await issuerKey()).publicJwk] };
}

const issuerId = (baseUrl: string) => `${baseUrl}/ob/issuer`;

/** The issuer's Profile (OB 3.0 §B.1.17), published at its own id. */
export function issuerProfile(baseUrl: string, issuerName = getEnv().CERT_ISSUER_NAME) {
  return {
    "@context": [...OB_CONTEXT],
    id: issuerId(baseUrl),
    type: ["Profile"],
    name: issuerName,
    url: baseUrl,
    description: "Học Số: chứng chỉ bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức.",
  };
}

const isoDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The certificate as an OpenBadgeCredential (OB 3.0, VC Data Model 1.1):
 * what the PDF says, no more. The holder is named as an IdentityObject of
 * type "name", the way the PDF names them; the achievement is the course.
 */
export function openBadgeCredential(certificate: CertificateRecord & { courseSlug: string }, baseUrl: string) {
  const issuedAt = certificate.issuedAt;
  return {
    "@context": [...OB_CONTEXT],
    id: `${baseUrl}/verify/${certificate.code}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: certificate.courseTitle,
    issuer: { id: issuerId(baseUrl), type: ["Profile"], name: certificate.issuerName, url: baseUrl },
    issuanceDate: isoDate(issuedAt),
    ...(certificate.expiresOn ? { expirationDate: isoDate(certificate.expiresOn) } : {}),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityHash: certificate.holderName, identityType: "name", hashed: false }],
      activityEndDate: isoDate(certificate.completedOn),
      achievement: {
        id: `${baseUrl}/courses/${certificate.courseSlug}`,
        type: ["Achievement"],
        achievementType: "Certificate",
        name: certificate.courseTitle,
        description: `Hoàn thành khoá học “${certificate.courseTitle}” (${certificate.minutes} phút) trên Học Số.`,
        criteria: { narrative: "Học xong mọi bài học của khoá và đạt bài kiểm tra cuối khoá." },
        inLanguage: "vi",
        creator: { id: issuerId(baseUrl), type: ["Profile"], name: certificate.issuerName },
      },
    },
  };
}

/** The credential signed as a VC-JWT (OB 3.0 §8.2): header kid names the key in /ob/jwks.json. */
export async function signOpenBadge(certificate: CertificateRecord & { courseSlug: string }, baseUrl: string): Promise<string> {
  const { privateKey, publicJwk } = await issuerKey();
  const vc = openBadgeCredential(certificate, baseUrl);
  const jwt = new SignJWT({ vc })
    .setProtectedHeader({ alg: "EdDSA", typ: "JWT", kid: publicJwk.kid })
    .setIssuer(vc.issuer.id)
    .setJti(vc.id)
    .setNotBefore(Math.floor(certificate.issuedAt.getTime() / 1000))
    .setIssuedAt(Math.floor(certificate.issuedAt.getTime() / 1000));
  if (certificate.expiresOn) jwt.setExpirationTime(Math.floor(certificate.expiresOn.getTime() / 1000));
  return jwt.sign(privateKey);
}
