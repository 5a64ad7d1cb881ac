// Course constants for pages as well as the server. Kept apart from
// course-content.ts so a page that needs the list of levels does not pull
// Zod into the browser (it is ~90 KB before gzip).

export const LEVELS = ["BASIC", "INTERMEDIATE", "ADVANCED"] as const;
export type Level = (typeof LEVELS)[number];
export const ITEM_KINDS = ["LESSON", "QUIZ"] as const;

/** Item and module keys, and course slugs: lowercase ASCII words joined by hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_PATTERN = KEY_PATTERN;
