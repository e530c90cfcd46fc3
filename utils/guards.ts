/** Small checks shared by everything that reads untrusted values (storage, files, messages). */

/** A plain object (not null, not an array): the only shape a stored or sent record may have. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Control characters other than tab and line breaks: invisible, and never meant. (No g flag: safe for .test().) */
// eslint-disable-next-line no-control-regex
export const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
