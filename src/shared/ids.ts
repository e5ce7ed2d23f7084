const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to clients; one that is not even well-formed answers like a missing row. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** E-mail addresses compared case-insensitively after Unicode normalisation. */
export const normalizeEmail = (email: string): string => email.trim().normalize('NFKC').toLowerCase();
