import { redirect } from "@remix-run/node";
import { getTranslate } from "~/i18n/translate.server";
import { can, type Permission } from "./permissions";
import { isOpenBeforeNotice, needsPrivacyNotice } from "./privacy";
import { addResponseCookie, getRequestContext } from "./request-context.server";
import { readSessionToken, sessionCookie } from "./session-cookie.server";
import { validateSessionToken, type SessionUser } from "./session.server";

// Guards for loaders and actions: the first line of every protected one
// (shared STYLE rule 3). They throw; nothing below them runs for the wrong
// person.

export type SignedIn = SessionUser & { sessionId: string };

// One validation per HTTP request, however many guards and loaders ask.
// Remix hands each loader its own copy of the Request, so the key is the
// request's context (one per HTTP request); the Request itself only where
// there is no context (a loader called directly, in tests).
const cache = new WeakMap<object, Promise<SignedIn | null>>();

async function lookUp(request: Request): Promise<SignedIn | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  if (session.refreshedCookie) addResponseCookie(sessionCookie(request, token, session.expiresAt));
  return { ...session.user, sessionId: session.sessionId };
}

/**
 * The signed-in person, or null. Someone who has not yet accepted the
 * current privacy notice is sent to it from every page but a few
 * (app/utils/privacy.ts), and brought back afterwards: every page asks for
 * the person here (the root loader does), so this is the one gate.
 */
export async function getUser(request: Request): Promise<SignedIn | null> {
  const key = getRequestContext() ?? request;
  let pending = cache.get(key);
  if (!pending) {
    pending = lookUp(request);
    cache.set(key, pending);
  }
  const user = await pending;
  if (user && needsPrivacyNotice(user.privacyNoticeVersion)) {
    const url = new URL(request.url);
    if (!isOpenBeforeNotice(url.pathname)) {
      const back = url.pathname + url.search;
      throw redirect(back === "/" ? "/privacy" : `/privacy?${new URLSearchParams({ redirectTo: back })}`);
    }
  }
  return user;
}

function loginUrl(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
}

/** The signed-in person; anyone else is sent to sign in and brought back. */
export async function requireUser(request: Request): Promise<SignedIn> {
  const user = await getUser(request);
  if (!user) throw redirect(loginUrl(request));
  return user;
}

/** The signed-in person holding `permission`; others get 403 (or sign in first). */
export async function requirePermission(request: Request, permission: Permission): Promise<SignedIn> {
  const user = await requireUser(request);
  if (!can(user, permission)) {
    throw new Response(getTranslate(request)("error.forbidden.title"), { status: 403 });
  }
  return user;
}

/** For the sign-in page: someone already signed in goes home. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getUser(request)) throw redirect("/");
}

/** The signed-in person holding at least one of `permissions` (a scoped or a global form of one right). */
export async function requireAnyPermission(request: Request, permissions: Permission[]): Promise<SignedIn> {
  const user = await requireUser(request);
  if (!permissions.some((permission) => can(user, permission))) {
    throw new Response(getTranslate(request)("error.forbidden.title"), { status: 403 });
  }
  return user;
}
