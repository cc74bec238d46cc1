/** Thrown for a bad query parameter; the app answers 400 (JSON for /api, a page for pages). */
export class BadRequest extends Error {}
