import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { importBank } from "~/models/question-bank.server";
import { parseGift } from "~/utils/gift";
import { ContentFileError } from "./content-files.server";

// content/banks into the database: banks.yml lists the shared question banks
// (slug, title, GIFT file). Like courses, importing unchanged files changes
// nothing, and a bank edited in the studio since is kept unless --force.

const banksFile = z.array(
  z
    .object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80),
      title: z.string().min(1).max(200),
      file: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.gift$/),
    })
    .strict(),
);

export async function importBanks({ root, force = false, log = () => {} }: { root: string; force?: boolean; log?: (message: string) => void }) {
  const listFile = path.join(root, "banks.yml");
  const listed = await readFile(listFile, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (listed === null) return [];
  const parsed = banksFile.safeParse(parseYaml(listed));
  if (!parsed.success) throw new ContentFileError(listFile, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  const outcomes: { slug: string; result: Awaited<ReturnType<typeof importBank>> }[] = [];
  for (const entry of parsed.data) {
    const file = path.join(root, entry.file);
    const body = (await readFile(file, "utf8")).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").replace(/\s+$/, "") + "\n";
    const gift = parseGift(body);
    if (!gift.ok) throw new ContentFileError(file, gift.errors.map((error) => `line ${error.line}: ${error.code}${error.title ? ` (${error.title})` : ""}`).join("; "));
    const sourceHash = createHash("sha256").update(JSON.stringify([entry.title, body])).digest("hex");
    const result = await importBank({ slug: entry.slug, title: entry.title, body, sourceHash, force });
    log(`content: bank ${entry.slug} ${result}`);
    outcomes.push({ slug: entry.slug, result });
  }
  return outcomes;
}
