/**
 * A request's path as the logs show it: a password-reset link's token is a
 * secret (whoever reads it can set the password), so it is cut. Query
 * strings are never logged at all (they can carry searches for people).
 */
export function loggedPath(path: string) {
  return path.replace(/^\/reset-password\/[^/]+/, "/reset-password/[token]");
}
