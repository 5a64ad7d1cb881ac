import { createPrivateKey, createPublicKey } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
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

export const OB_CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;

type IssuerKey = { privateKey: CryptoKey; publicJwk: JWK & { kid: string; alg: "EdDSA"; use: "sig" } };

/** The key from configuration, else from its file, made once if need be. */
async function loadPem(): Promise<string> {
  const env = getEnv();
  if (env.OB_ISSUER_KEY) return env.OB_ISSUER_KEY.replace(/\\n/g, "\n");
  const file = path.resolve(env.OB_ISSUER_KEY_FILE);
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null) return existing;
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const pem = await exportPKCS8(privateKey);
  await mkdir(path.dirname(file), { recursive: true });
  // Written whole under a name of its own, then linked into place: link()
  // fails if the file exists, so two processes starting together both end
  // up with the first one's key, and neither ever reads half a file.
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, pem, { mode: 0o600 });
  try {
    await link(partial, file);
    getLogger().warn({ file }, "no OB_ISSUER_KEY: made an Open Badges signing key and kept it in a file");
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFile(file, "utf8");
    throw error;
  } finally {
    await unlink(partial).catch(() => {});
  }
}

const keyState = singleton("ob-issuer-key", () => ({ key: null as Promise<IssuerKey> | null }));

/** The public key's own address: the JWT header's kid, which verifiers dereference (OB 3.0 §8.2). */
export const keyUrl = (baseUrl: string, thumbprint: string) => `${baseUrl}/ob/keys/${thumbprint}`;

async function loadIssuerKey(): Promise<IssuerKey> {
  const pem = await loadPem();
  const privateKey = await importPKCS8(pem, "EdDSA");
  // The public half, derived without making the private key exportable.
  const { kty, crv, x } = await exportJWK(createPublicKey(createPrivateKey(pem)));
  const publicPart = { kty: kty!, crv: crv!, x: x! };
  return { privateKey, publicJwk: { ...publicPart, kid: await calculateJwkThumbprint(publicPart), alg: "EdDSA", use: "sig" } };
}

export function issuerKey(): Promise<IssuerKey> {
  if (!keyState.key) {
    keyState.key = loadIssuerKey();
    // A failure (a bad key in the settings, a disk error) is not kept: the next request tries again.
    keyState.key.catch(() => {
      keyState.key = null;
    });
  }
  return keyState.key;
}

/** The key set verifiers fetch (RFC 7517): the public half only, kid as the key's address. */
export async function issuerJwks(baseUrl: string) {
  const { publicJwk } = await issuerKey();
  return { keys: [{ ...publicJwk, kid: keyUrl(baseUrl, publicJwk.kid) }] };
}

/** The public key alone, at the address a credential's kid names; null for another thumbprint. */
export async function publicKeyByThumbprint(thumbprint: string) {
  const { publicJwk } = await issuerKey();
  return publicJwk.kid === thumbprint ? publicJwk : null;
}

const issuerId = (baseUrl: string) => `${baseUrl}/ob/issuer`;

/** The issuer's Profile (OB 3.0 §B.1.17), published at its own id. */
export function issuerProfile(baseUrl: string, issuerName: string) {
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
 * The certificate as an OpenBadgeCredential (OB 3.0.3 on the VC Data Model
 * 2.0): what the PDF says, no more. The subject's id is the certificate's
 * own URN (nothing personal); the holder is named as an IdentityObject of
 * type "name", the way the PDF names them; the achievement is the course.
 */
export function openBadgeCredential(certificate: CertificateRecord & { courseSlug: string }, baseUrl: string) {
  return {
    "@context": [...OB_CONTEXT],
    id: `${baseUrl}/verify/${certificate.code}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: certificate.courseTitle,
    issuer: { id: issuerId(baseUrl), type: ["Profile"], name: certificate.issuerName, url: baseUrl },
    validFrom: isoDate(certificate.issuedAt),
    ...(certificate.expiresOn ? { validUntil: isoDate(certificate.expiresOn) } : {}),
    credentialSubject: {
      id: `urn:uuid:${certificate.id}`,
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

/**
 * The credential signed as a VC-JWT (OB 3.0 §8.2): the credential is the
 * payload, with the registered claims the standard asks for (iss, jti, sub,
 * nbf, exp); the header's kid is the address of the public key.
 */
export async function signOpenBadge(certificate: CertificateRecord & { courseSlug: string }, baseUrl: string): Promise<string> {
  const { privateKey, publicJwk } = await issuerKey();
  const credential = openBadgeCredential(certificate, baseUrl);
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const jwt = new SignJWT(credential)
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: keyUrl(baseUrl, publicJwk.kid) })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setSubject(credential.credentialSubject.id)
    .setNotBefore(seconds(certificate.issuedAt))
    .setIssuedAt(seconds(certificate.issuedAt));
  if (certificate.expiresOn) jwt.setExpirationTime(seconds(certificate.expiresOn));
  return jwt.sign(privateKey);
}
