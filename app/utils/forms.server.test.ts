import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms.server";

// What a form post may hold: text as a browser sends it. Broken bytes and NULs
// are refused as an unreadable form; a "�" the person typed is kept.

const schema = z.object({ title: z.string().max(100) });
const post = (body: string | Uint8Array<ArrayBuffer>, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": type }, body });
const unreadable = { ok: false, errors: { form: "validation.form.unreadable" }, fields: {} };

describe("parseForm", () => {
  test("reads Vietnamese text, and a replacement character the person really typed", async () => {
    const body = new URLSearchParams({ title: "Chuyển đổi số � bản nháp" }).toString();
    expect(await parseForm(post(body), schema)).toMatchObject({ ok: true, data: { title: "Chuyển đổi số � bản nháp" } });
  });

  test("refuses bytes that are not UTF-8, raw or percent-encoded", async () => {
    expect(await parseForm(post(new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3d, 0xff, 0xfe])), schema)).toEqual(unreadable);
    expect(await parseForm(post("title=%C3%28"), schema)).toEqual(unreadable);
    expect(await parseForm(post("title=%ED%A0%80"), schema)).toEqual(unreadable);
  });

  test("refuses a NUL, which PostgreSQL cannot store", async () => {
    expect(await parseForm(post("title=a%00b"), schema)).toEqual(unreadable);
    expect(await parseForm(post(new URLSearchParams({ title: "a\u0000b" }).toString()), schema)).toEqual(unreadable);
  });

  test("refuses a body that is not a form at all", async () => {
    expect(await parseForm(post('{"title":"x"}', "application/json"), schema)).toEqual(unreadable);
    expect(await parseForm(post("title=x", "multipart/form-data"), schema)).toEqual(unreadable);
  });
});
