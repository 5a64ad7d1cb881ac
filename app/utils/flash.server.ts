import { addResponseCookie } from "./request-context.server";

// One-time messages after a redirect ("Đã lưu …"), carried in a short-lived
// cookie only our server sets, so a crafted link cannot make the site say
// something it did not. Shared STYLE rule 7 (post/redirect/get).

const NAME = "hocso_flash";

export function flashCookie(message: string): string {
  return `${NAME}=${encodeURIComponent(message.slice(0, 500))}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax`;
}

/** The waiting message, if any; it is cleared with this response. */
export function takeFlash(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === NAME) {
      addResponseCookie(`${NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
      try {
        return decodeURIComponent(part.slice(index + 1).trim()) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}
