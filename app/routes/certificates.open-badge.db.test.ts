import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { enrol, markItemDone } from "~/models/enrolment.server";
import type { openBadgeCredential } from "~/services/open-badge.server";
import { prisma } from "~/utils/db.server";
import { oneLessonCourse, publishTestCourse } from "../../tests/helpers/courses";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { loader as credentialLoader } from "./certificates.$code[.jwt]";
import { loader as issuerLoader } from "./ob.issuer";
import { loader as jwksLoader } from "./ob.jwks[.json]";
import { loader as keyLoader } from "./ob.keys.$thumbprint";

// A holder downloads their certificate as an Open Badges 3.0 credential; a
// stranger checks it with nothing but the published key set, and finds the
// fields and contexts the standard requires.

let code = "";
let holderCookie = "";
let strangerCookie = "";

beforeAll(async () => {
  await makeUnits();
  const courseId = await publishTestCourse(oneLessonCourse("huy-hieu-so", "Chuyển đổi số: nhận thức chung"));
  const holder = await makePerson({ email: "hong.nhung@example.test", fullName: "Nguyễn Thị Hồng Nhung" });
  const stranger = await makePerson({ email: "nguoila@example.test" });
  const enrolmentId = (await enrol({ userId: holder.id, courseId, source: "SELF" }))!;
  await markItemDone({ userId: holder.id, enrolmentId, itemKey: "b" });
  code = (await prisma.certificate.findUniqueOrThrow({ where: { enrolmentId } })).code;
  holderCookie = await sessionCookieFor(holder.id, "LEARNER");
  strangerCookie = await sessionCookieFor(stranger.id, "LEARNER");
});

const get = (cookie: string) => new Request(`http://localhost/certificates/${code}.jwt`, { headers: { Cookie: cookie } });

describe("a certificate as an Open Badges 3.0 credential", () => {
  test("the holder's download verifies with the published key and carries the required fields", async () => {
    const response = await credentialLoader({ request: get(holderCookie), params: { code }, context: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/vc+jwt");
    const jwt = await response.text();

    const jwks = await (await jwksLoader()).json();
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" })]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ["EdDSA"] });
    expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "vc+jwt", kid: jwks.keys[0].kid });
    // The kid is an address that gives the key itself (OB 3.0 §8.2).
    const thumbprint = String(protectedHeader.kid).split("/ob/keys/")[1]!;
    const key = await (await keyLoader({ request: new Request(String(protectedHeader.kid)), params: { thumbprint }, context: {} })).json();
    expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", x: jwks.keys[0].x });
    expect(key).not.toHaveProperty("d");

    const issuer = await (await issuerLoader()).json();
    // VC Data Model 2.0: the credential is the payload, with the registered claims beside it.
    const vc = payload as unknown as ReturnType<typeof openBadgeCredential>;
    expect(payload.iss).toBe(issuer.id);
    expect(payload.jti).toBe(vc.id);
    expect(payload.sub).toBe(vc.credentialSubject.id);
    expect(vc.credentialSubject.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(payload.nbf).toBe(Math.floor(Date.parse(vc.validFrom) / 1000));
    expect(vc["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc.id).toMatch(new RegExp(`/verify/${code}$`));
    expect(vc.issuer).toMatchObject({ id: issuer.id, type: ["Profile"], name: issuer.name });
    expect(Date.parse(vc.validFrom)).not.toBeNaN();
    expect(vc.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(vc.credentialSubject.identifier).toEqual([{ type: "IdentityObject", identityHash: "Nguyễn Thị Hồng Nhung", identityType: "name", hashed: false }]);
    expect(vc.credentialSubject.achievement).toMatchObject({
      type: ["Achievement"],
      name: "Chuyển đổi số: nhận thức chung",
      criteria: { narrative: expect.any(String) },
      description: expect.any(String),
    });
    expect(vc.credentialSubject.achievement.id).toMatch(/\/courses\/huy-hieu-so$/);
    expect(issuer).toMatchObject({ "@context": vc["@context"], type: ["Profile"] });
  });

  test("a changed credential fails verification", async () => {
    const jwt = await (await credentialLoader({ request: get(holderCookie), params: { code }, context: {} })).text();
    const [header, payload, signature] = jwt.split(".");
    const forged = JSON.parse(Buffer.from(payload!, "base64url").toString());
    forged.credentialSubject.identifier[0].identityHash = "Người Khác";
    const tampered = [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join(".");
    expect(decodeProtectedHeader(tampered).alg).toBe("EdDSA");
    await expect(jwtVerify(tampered, createLocalJWKSet(await (await jwksLoader()).json()))).rejects.toThrow();
  });

  test("nobody else gets it; a revoked certificate is not handed out", async () => {
    const stranger = await credentialLoader({ request: get(strangerCookie), params: { code }, context: {} }).catch((error: unknown) => error);
    expect((stranger as Response).status).toBe(404);
    await prisma.certificate.update({ where: { code }, data: { revokedAt: new Date(), revokeReason: "Cấp nhầm" } });
    const revoked = await credentialLoader({ request: get(holderCookie), params: { code }, context: {} }).catch((error: unknown) => error);
    expect((revoked as Response).status).toBe(410);
  });
});
