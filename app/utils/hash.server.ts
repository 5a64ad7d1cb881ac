import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

/**
 * SHA-256 of the text's UTF-8, in lower-case hex: what is kept instead of a
 * secret (a session token) or of personal data that only has to be matched
 * again (an e-mail or network address in a rate counter). PostgreSQL's
 * `encode(sha256(convert_to(text, 'UTF8')), 'hex')` gives the same.
 */
export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}
