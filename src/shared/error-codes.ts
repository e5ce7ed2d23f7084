/**
 * Every error code a client can meet, once: its HTTP status and what it means. GraphQL puts the code in
 * `extensions.code`; the REST adapter answers with this status and the code in `errors[].code`
 * (REST-CONTRACT.md). AppError subclasses take their code from here (the type refuses any other), and so
 * their status; codes raised by graphql-js, Apollo, the operation limits (graphql/limits.ts) and the HTTP
 * layer (app.ts) are listed too. `npm run docs` writes the error-code table of docs/errors.md from this object, in
 * this order; tests/unit/error-codes.spec.ts checks that every code the source raises is here.
 */
export const ERROR_CODES = {
  // General codes (shared/errors.ts), any operation or route.
  BAD_REQUEST: {
    status: 400,
    meaning: 'The request cannot be taken as sent: a body that is not JSON, not UTF-8 or not an object, an argument value GraphQL refused while executing, queries and mutations of different kinds in one operation.',
  },
  VALIDATION_FAILED: {
    status: 400,
    meaning: 'One or more fields are invalid or unknown; `errors` lists each with its `field` and what is wrong, never repeating the value.',
  },
  UNAUTHENTICATED: {
    status: 401,
    meaning: 'No access token where one is needed, or one that is refused (forged, malformed, revoked, of the other kind); the message says "expired" only for a genuine expired token, so clients know to refresh.',
  },
  FORBIDDEN: {
    status: 403,
    meaning: "Signed in, but the caller's role may not do this.",
  },
  NOT_FOUND: {
    status: 404,
    meaning: 'No route for this method and path (a row that is not found has its own code, below).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    meaning: 'The path exists but not for this method; the `Allow` header lists the methods it answers.',
  },
  CONFLICT: {
    status: 409,
    meaning: "The request contradicts the data's current state.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    meaning: 'The request body is larger than `BODY_LIMIT_BYTES`.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    meaning: 'The body is not sent as `application/json` (to an e-mail link page: not as a form, `application/x-www-form-urlencoded`; to an attachment upload: not as `multipart/form-data`).',
  },
  RATE_LIMITED: {
    status: 429,
    meaning: 'Over a rate limit; `Retry-After` and `RateLimit-*` headers (and `extensions.retryAfter`, `extensions.rateLimit`) say when to try again.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'Something unexpected failed on the server; it is logged with the request id, and no detail is shown.',
  },
  UNAVAILABLE: {
    status: 503,
    meaning: 'The database cannot be reached right now (down, restarting) or the server is stopping; nothing was changed. `Retry-After` (and `extensions.retryAfter`) say when to try again.',
  },
  UNKNOWN_OUTCOME: {
    status: 503,
    meaning: 'The database went away while a change was being committed: it may or may not have been stored. Retry with the same `Idempotency-Key` after `Retry-After` seconds, or read the data back.',
  },

  // Raised by graphql-js and Apollo Server for a GraphQL request that never reached execution.
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    meaning: 'The document is not valid GraphQL syntax.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    meaning: 'The document does not fit the schema (an unknown field or argument, a wrong type), or asks for introspection where it is off.',
  },
  BAD_USER_INPUT: {
    status: 400,
    meaning: 'A variable GraphQL could not accept and that is not pinned to a field (a bad value of a known field is `VALIDATION_FAILED`).',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    meaning: 'The request names an operation the document does not contain, or the document has several and the request names none.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 400,
    meaning: 'An automatic persisted query whose hash this server process does not know (yet): send the query text with the hash (over `/graphql` answered with 200, as Apollo Client and urql expect).',
  },
  PERSISTED_QUERY_NOT_ALLOWED: {
    status: 400,
    meaning: 'Trusted-documents mode (`GRAPHQL_TRUSTED_DOCUMENTS`): the operation was sent as text, or by a hash the manifest does not hold; only the operations the clients were built with run.',
  },

  // Over an operation limit (graphql/limits.ts): `extensions.limit` is the limit, `extensions.found` what the operation had.
  QUERY_TOO_DEEP: {
    status: 400,
    meaning: 'Fields nested deeper than `GRAPHQL_MAX_DEPTH`.',
  },
  TOO_MANY_ALIASES: {
    status: 400,
    meaning: 'More aliases than `GRAPHQL_MAX_ALIASES`.',
  },
  TOO_MANY_DIRECTIVES: {
    status: 400,
    meaning: 'More directives than `GRAPHQL_MAX_DIRECTIVES`.',
  },
  TOO_MANY_TOKENS: {
    status: 400,
    meaning: 'A document of more tokens than `GRAPHQL_MAX_TOKENS` (parsing stops there, so there is no `found`).',
  },
  QUERY_TOO_COMPLEX: {
    status: 400,
    meaning: 'An operation costing more than `GRAPHQL_MAX_COST` (lists counted at their `limit`, see [design.md](design.md)).',
  },

  // Staff and portal sign-in, tokens, codes and invitations (auth/auth.errors.ts).
  INVALID_CREDENTIALS: {
    status: 401,
    meaning: 'Wrong e-mail or password, or a deactivated account (the same answer for each).',
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    meaning: 'Right password, but the e-mail address is not verified yet: enter the code sent, or ask for a new one.',
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    meaning: 'The refresh token is invalid, expired or already used (reusing one also ends its session): sign in again.',
  },
  INVALID_OTP: {
    status: 400,
    meaning: 'The e-mail code is wrong, expired or used up (5 wrong tries burn it).',
  },
  INVALID_RESET_TOKEN: {
    status: 400,
    meaning: 'The password-reset token is invalid, expired or already used.',
  },
  INVALID_INVITATION: {
    status: 400,
    meaning: 'The invitation token is invalid, expired or already accepted.',
  },
  INVALID_SIGN_IN_LINK: {
    status: 400,
    meaning: 'The portal sign-in link is invalid, expired, already used, of another workspace, or its account is deactivated (the same answer for each): ask for a new one.',
  },
  EMAIL_TAKEN: {
    status: 409,
    meaning: 'An account with this e-mail address already exists.',
  },
  LAST_ADMIN: {
    status: 409,
    meaning: 'The change would leave the workspace without an active ADMIN.',
  },
  UNKNOWN_PROVIDER: {
    status: 400,
    meaning: 'Sign-in with a provider this server does not support (the message names those it does).',
  },
  INVALID_OAUTH_STATE: {
    status: 400,
    meaning: 'The OAuth callback\'s `state` is invalid, expired or already used: start the sign-in again.',
  },
  OAUTH_FAILED: {
    status: 400,
    meaning: "The provider refused the sign-in, or its answer did not validate (code, ID token, issuer, nonce).",
  },
  OAUTH_EMAIL_NOT_VERIFIED: {
    status: 403,
    meaning: "The provider's account has no verified e-mail address.",
  },
  OAUTH_ACCOUNT_MISMATCH: {
    status: 409,
    meaning: "The account with this e-mail address is linked to a different account at the provider.",
  },
  OAUTH_NOT_CONFIGURED: {
    status: 503,
    meaning: 'Sign-in with this provider is not enabled on this server (`GOOGLE_CLIENT_ID` unset).',
  },
  OAUTH_PROVIDER_UNAVAILABLE: {
    status: 503,
    meaning: 'The provider could not be reached or failed; trying again later may work.',
  },

  // Workspaces, customer organizations and portal users.
  TENANT_NOT_FOUND: {
    status: 404,
    meaning: 'No such company (workspace).',
  },
  COMPANY_NOT_AVAILABLE: {
    status: 400,
    meaning: 'The company does not accept customer sign-ups: choose one from the company list.',
  },
  COMPANY_REQUIRED: {
    status: 400,
    meaning: 'The e-mail and password belong to portal accounts with several companies: say which with `workspace` (over REST, `companyId` or `tenantSlug`).',
  },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    meaning: "No such customer organization in the caller's workspace.",
  },
  CUSTOMER_HAS_PORTAL_USERS: {
    status: 409,
    meaning: 'The organization still has portal users (`extensions.portalUsers`): move them first.',
  },
  PORTAL_USER_NOT_FOUND: {
    status: 404,
    meaning: "No such portal user in the caller's workspace.",
  },
  PORTAL_USER_INACTIVE: {
    status: 409,
    meaning: 'The portal user is deactivated: reactivate them first.',
  },
  STAFF_MEMBER_NOT_FOUND: {
    status: 404,
    meaning: "No such staff member in the caller's workspace.",
  },

  // Incidents and portal tickets.
  INCIDENT_NOT_FOUND: {
    status: 404,
    meaning: 'No such incident or ticket, or one the caller may not see (the same answer).',
  },
  INVALID_TRANSITION: {
    status: 400,
    meaning: 'A status change the incident (or knowledge-base article) cannot make from its current status; `extensions` give `from`, `to` and, for incidents, `allowed`.',
  },
  STALE_VERSION: {
    status: 409,
    meaning: 'The incident changed since it was read (`extensions.currentVersion`): reload and apply the change again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    meaning: 'This `Idempotency-Key` was already used with a different request.',
  },
  TICKET_CLOSED: {
    status: 409,
    meaning: 'The ticket is closed and takes no more comments: open a new one.',
  },

  // Attachments (modules/attachment).
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    meaning: 'No such attachment, or one the caller may not see (on a ticket it may not see, on an INTERNAL update for a customer, deleted): the same answer.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    meaning: 'An attached file is larger than `ATTACHMENT_MAX_BYTES`; nothing of the upload is stored.',
  },
  ATTACHMENT_TICKET_FULL: {
    status: 413,
    meaning: "The upload would take the ticket's attachments past `ATTACHMENT_MAX_TICKET_BYTES`; nothing of the upload is stored.",
  },
  TOO_MANY_ATTACHMENTS: {
    status: 400,
    meaning: 'More files in one upload, or on one update, than `ATTACHMENT_MAX_FILES`; nothing of the upload is stored.',
  },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    meaning: 'The file is an executable or a script (PE, ELF, Mach-O, a `#!` script, ...), as sniffed from its bytes whatever its name and declared type; nothing of the upload is stored.',
  },
  ATTACHMENT_DELETE_REFUSED: {
    status: 403,
    meaning: 'Only staff who may update incidents, or the uploader within `ATTACHMENT_DELETE_WINDOW_MINUTES`, may delete an attachment.',
  },

  // GraphQL multipart requests (graphql/uploads.ts): files for the `Upload` arguments of POST /graphql.
  CSRF_PREFLIGHT_REQUIRED: {
    status: 400,
    meaning: 'A `multipart/form-data` POST to /graphql without an `Apollo-Require-Preflight` or `X-Apollo-Operation-Name` header: a browser form could send it from another site, so it is refused before its body is read.',
  },
  UPLOAD_INVALID: {
    status: 400,
    meaning: 'A GraphQL multipart request that does not follow the multipart request spec: `operations` and `map` first (JSON), each map entry one `variables.…` path to a `null`, then only files, in the order the operation reads them.',
  },
  UPLOAD_FILE_MISSING: {
    status: 400,
    meaning: "A file the request's `map` names never arrived in its body; nothing of the upload is stored.",
  },
  UPLOAD_NOT_MULTIPART: {
    status: 400,
    meaning: 'An `Upload` variable that did not come as a file part of a multipart POST /graphql (JSON, GET, WebSocket): files come only that way.',
  },

  // Satisfaction ratings (modules/satisfaction).
  TICKET_NOT_RESOLVED: {
    status: 409,
    meaning: 'The ticket is not resolved (or closed) yet, so it cannot be rated.',
  },
  RATING_WINDOW_CLOSED: {
    status: 409,
    meaning: 'The ticket was resolved longer ago than `CSAT_WINDOW_DAYS`: it can no longer be rated.',
  },
  ALREADY_RATED: {
    status: 409,
    meaning: 'The ticket has been rated already; a rating cannot be changed or given twice.',
  },
  RATING_NOT_ALLOWED: {
    status: 403,
    meaning: "Only the ticket's reporter may rate it (colleagues who see it through their organization may not; participants only with `CSAT_PARTICIPANTS_MAY_RATE`).",
  },
  INVALID_RATING_LINK: {
    status: 400,
    meaning: 'The rating link from the resolution e-mail is invalid or expired (a used one answers `ALREADY_RATED`).',
  },

  // Ticket participants (modules/participants).
  PARTICIPANT_CHANGE_NOT_ALLOWED: {
    status: 403,
    meaning: "Only the ticket's reporter (or staff) may add or remove participants; a participant may only leave (remove themselves).",
  },

  // Knowledge base.
  ARTICLE_NOT_FOUND: {
    status: 404,
    meaning: 'No such article, or one the caller may not see (the same answer).',
  },
  REVISION_NOT_FOUND: {
    status: 404,
    meaning: 'The article has no revision of that number.',
  },
  SLUG_TAKEN: {
    status: 409,
    meaning: 'Another article of the workspace already uses this slug.',
  },
  STALE_REVISION: {
    status: 409,
    meaning: 'The article changed since it was read (`extensions.currentRevision`): reload and apply the change again.',
  },

  // Notifications and webhooks.
  DELIVERY_NOT_FOUND: {
    status: 404,
    meaning: "No such delivery in the caller's workspace.",
  },
  DELIVERY_NOT_FAILED: {
    status: 409,
    meaning: 'Only a `FAILED` delivery can be retried (`extensions.status` is its status).',
  },
  WEBHOOK_ENDPOINT_NOT_FOUND: {
    status: 404,
    meaning: "No such webhook endpoint in the caller's workspace.",
  },
  WEBHOOK_URL_REFUSED: {
    status: 400,
    meaning: 'The webhook URL is malformed, not http(s), or resolves to an internal address (field `url`).',
  },
  WEBHOOK_SECRET_UNREADABLE: {
    status: 500,
    meaning: "Never an answer: a failed delivery's `lastError` when the endpoint's stored secret cannot be decrypted (a key no process has any more); rotate the endpoint's secret.",
  },

  // Ezra.
  ANALYSIS_NOT_FOUND: {
    status: 404,
    meaning: 'The incident has no Ezra analysis (for that audience) yet.',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

/** A code of the catalogue: an error class naming any other fails to compile. */
export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/** The HTTP status for a code: the catalogue's, or 500 for anything else (no code, or one nobody catalogued). */
export function statusForCode(code: string | undefined): number {
  return isErrorCode(code) ? ERROR_CODES[code].status : 500;
}
