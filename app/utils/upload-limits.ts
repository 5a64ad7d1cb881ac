// Largest files taken by uploads other than images (images: MEDIA_MAX_BYTES).
// server/body-limit.ts reads these too, so its ceiling never refuses a file
// the page itself would take.

/** A people file (.xlsx or .csv) for the import. */
export const PEOPLE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
