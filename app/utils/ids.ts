import { z } from "zod";

const uuid = z.uuid();

/** Ids in URLs and forms are checked before they reach a query (PostgreSQL
 *  would answer a malformed uuid with an error, i.e. a 500). */
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
