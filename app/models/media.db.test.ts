import { beforeAll, describe, expect, test } from "vitest";
import { makePerson, makeUnits, sessionCookieFor } from "../../tests/helpers/people";
import { loader as mediaLoader } from "../routes/media.$file";
import { getMediaSizes, MediaRuleError, storeImage } from "./media.server";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"></svg>');

let cookie = "";
beforeAll(async () => {
  await makeUnits();
  const person = await makePerson({ email: "anh@example.test", role: "TRAINER" });
  cookie = await sessionCookieFor(person.id, "TRAINER");
});

const refusal = (bytes: Uint8Array, name = "anh.png") =>
  storeImage({ bytes, originalName: name, uploadedById: null }).then(
    () => "stored",
    (error: unknown) => (error instanceof MediaRuleError ? error.key : "crash"),
  );

describe("storing images", () => {
  test("the type comes from the bytes, not the name", async () => {
    const asset = await storeImage({ bytes: PNG, originalName: "anh-that-ra-la-png.jpg", uploadedById: null });
    expect(asset).toMatchObject({ contentType: "image/png", width: 1, height: 1 });
    expect(await storeImage({ bytes: GIF, originalName: "a.gif", uploadedById: null })).toMatchObject({ contentType: "image/gif" });
  });

  test("SVG, text, empty and oversized files are refused", async () => {
    expect(await refusal(SVG, "anh.svg")).toBe("media.error.notImage");
    expect(await refusal(Buffer.from("không phải ảnh"), "anh.png")).toBe("media.error.notImage");
    expect(await refusal(new Uint8Array())).toBe("media.error.empty");
    const huge = new Uint8Array(6_000_000);
    huge.set(PNG);
    expect(await refusal(huge)).toBe("media.error.tooLarge");
  });

  test("the same picture twice is one asset", async () => {
    const [a, b] = await Promise.all([
      storeImage({ bytes: PNG, originalName: "1.png", uploadedById: null }),
      storeImage({ bytes: PNG, originalName: "2.png", uploadedById: null }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await getMediaSizes([a.id])).toEqual(new Map([[a.id, { width: 1, height: 1 }]]));
  });
});

describe("serving images", () => {
  const request = (file: string, withCookie = true) => new Request(`http://localhost/media/${file}`, { headers: withCookie ? { Cookie: cookie } : {} });
  const serve = async (file: string, withCookie = true) => {
    try {
      return await mediaLoader({ request: request(file, withCookie), params: { file }, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  test("with its type, length, a year of caching, no sniffing and as a picture only", async () => {
    const asset = await storeImage({ bytes: PNG, originalName: "a.png", uploadedById: null });
    const response = await serve(`${asset.id}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Content-Length")).toBe(String(PNG.length));
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="${asset.id}.png"`);
    expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  test("a wrong extension, an unknown id or a path trick is a 404; no session is sign-in", async () => {
    const asset = await storeImage({ bytes: PNG, originalName: "a.png", uploadedById: null });
    expect((await serve(`${asset.id}.jpg`)).status).toBe(404);
    expect((await serve("00000000-0000-7000-8000-000000000000.png")).status).toBe(404);
    expect((await serve("..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    const anonymous = await serve(`${asset.id}.png`, false);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});
