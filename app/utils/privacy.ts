// The privacy notice (Law on Personal Data Protection, in force 1 January
// 2026; docs/decisions/026-personal-data.md). Client-safe: the notice page
// shows the version and its date.

/**
 * The version of the notice in the catalogs (privacy.*). Raise it when the
 * notice changes in substance: everyone is asked to read it again at their
 * next page. Keep PRIVACY_NOTICE_DATE in step.
 */
export const PRIVACY_NOTICE_VERSION = 1;
/** The day this version took effect (ISO date). */
export const PRIVACY_NOTICE_DATE = "2026-01-01";

/** Whether a person who accepted `accepted` (null: never) must read the notice again. */
export function needsPrivacyNotice(accepted: number | null | undefined): boolean {
  return (accepted ?? 0) < PRIVACY_NOTICE_VERSION;
}

// Pages a person who has not accepted the notice may still reach: the notice
// itself, signing out, the language switch (to read the notice in English)
// and the download of their own data (the right to see it does not wait for
// an acceptance). Static files never reach Remix.
const OPEN_BEFORE_NOTICE = new Set(["/privacy", "/logout", "/language", "/account/data.json"]);

export function isOpenBeforeNotice(pathname: string): boolean {
  return OPEN_BEFORE_NOTICE.has(pathname.replace(/\/+$/, "") || "/");
}
