// The session cookie. Over HTTPS it is Secure and "__Host-" prefixed (the
// browser then refuses it from any other path, domain or plain HTTP); on
// plain HTTP (`npm start` on a laptop, a phone on the LAN) it cannot be.

const NAME = "hocso_session";
const SECURE_NAME = `__Host-${NAME}`;

function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:";
}

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

export function readSessionToken(request: Request): string | null {
  const token = readCookie(request, isHttps(request) ? SECURE_NAME : NAME);
  // Tokens are 32 base32 characters; anything else is not ours.
  return token && /^[a-z2-7]{32}$/.test(token) ? token : null;
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = isHttps(request);
  return [
    `${secure ? SECURE_NAME : NAME}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookie(request: Request): string {
  const secure = isHttps(request);
  return [`${secure ? SECURE_NAME : NAME}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join(
    "; ",
  );
}
