import { isUtf8 } from 'node:buffer';
import type { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { print } from 'graphql';
import { LINK_PAGE_PATHS } from '../config/config';
import * as Op from '../generated/operations';
import type { Context } from '../graphql/context';
import { describeHttpError } from '../http/http-errors';
import { sendLinkPage } from '../http/security';
import { errorsOf, executeForReply, failureStatus, withBodyNames, withInputNames, type Answered, type ContextFactory, type InputNames } from '../rest/executor';
import { COMPANY_ID, TENANT_SLUG } from '../rest/routes/values';
import { AppError, BadRequestError, type ErrorCode } from '../shared/errors';
import type { LinkAudience, LinkKind } from '../shared/email-links';
import { form, isEchoed, layout, list, paragraph, type PageField } from './html';

/** A field of the form that must repeat another (a new password typed twice): checked here, never sent on. */
type FormField = PageField & { repeats?: string };

/**
 * One page a link in an e-mail opens (by default: settings STAFF_RESET_PASSWORD_URL and the rest). Like a
 * REST route it is a row binding a form to the GraphQL operation the REST adapter runs, with the form's
 * fields as the operation's `input`: the rules, rate limits, transaction and errors are the operation's.
 */
type LinkPage = { [A in LinkAudience]: { audience: A; kind: LinkKind<A> } }[LinkAudience] & LinkPageForm;

interface LinkPageForm {
  title: string;
  intro: string;
  fields: readonly FormField[];
  // Every page's operation takes `input`; what it returns is not shown unless `shows` says (an accepted invitation's tokens stay here).
  operation: TypedDocumentNode<unknown, { input: never }>;
  /** Form fields the operation's input names otherwise, as a REST route's inputNames (the link's `companyId` is `workspace`). */
  inputNames?: InputNames;
  submit: string;
  done: string;
  /** The code that refuses the link's token: the form then comes back without it, to paste a newer e-mail's. */
  tokenRefused?: ErrorCode;
  /** What the page shows of the operation's answer besides `done` (label and value); nothing unless set. */
  shows?: (data: never) => [string, string][];
}

const token: FormField = { name: 'token', label: 'Token from the e-mail', kind: 'token' };
const newPassword: readonly FormField[] = [
  { name: 'password', label: 'New password', kind: 'new-password' },
  { name: 'passwordAgain', label: 'New password, again', kind: 'new-password', repeats: 'password' },
];
const verification: readonly FormField[] = [
  { name: 'email', label: 'E-mail address', kind: 'email' },
  { name: 'otp', label: 'Verification code', kind: 'code', hint: 'The 6-digit code in the e-mail.' },
];

export const LINK_PAGES: readonly LinkPage[] = [
  {
    audience: 'staff',
    kind: 'resetPassword',
    title: 'Choose a new password',
    intro: 'Choose the new password of your account. Every session of the account ends.',
    fields: [token, ...newPassword],
    operation: Op.RestResetPasswordDocument,
    submit: 'Set the password',
    done: 'Your password is changed. Sign in with the new one.',
    tokenRefused: 'INVALID_RESET_TOKEN',
  },
  {
    audience: 'staff',
    kind: 'invitation',
    title: 'Accept your invitation',
    intro: 'Choose the password of your new account.',
    fields: [
      token,
      { name: 'firstName', label: 'First name', kind: 'text', optional: true },
      { name: 'lastName', label: 'Last name', kind: 'text', optional: true },
      ...newPassword,
    ],
    operation: Op.PageAcceptInvitationDocument,
    submit: 'Accept the invitation',
    done: 'Invitation accepted: your account is ready. Sign in with your e-mail address and the new password.',
    tokenRefused: 'INVALID_INVITATION',
  },
  {
    audience: 'staff',
    kind: 'verifyEmail',
    title: 'Verify your e-mail address',
    intro: 'Enter the code from the e-mail.',
    fields: verification,
    operation: Op.RestVerifyEmailDocument,
    submit: 'Verify',
    done: 'Your e-mail address is verified. You can sign in.',
  },
  {
    audience: 'portal',
    kind: 'resetPassword',
    title: 'Choose a new password',
    intro: 'Choose the new password of your support account. Every session of the account ends.',
    fields: [token, ...newPassword],
    operation: Op.RestCustomerResetPasswordDocument,
    submit: 'Set the password',
    done: 'Your password is changed. Sign in to the support portal with the new one.',
    tokenRefused: 'INVALID_RESET_TOKEN',
  },
  {
    audience: 'portal',
    kind: 'invitation',
    title: 'Set up your support account',
    intro: 'Choose the password of your support portal account.',
    fields: [token, ...newPassword],
    operation: Op.RestAcceptPortalInvitationDocument,
    submit: 'Accept the invitation',
    done: 'Invitation accepted: your account is ready. Sign in to the support portal with your e-mail address and the new password.',
    tokenRefused: 'INVALID_INVITATION',
  },
  {
    audience: 'portal',
    kind: 'verifyEmail',
    title: 'Verify your e-mail address',
    intro: 'Enter the code from the e-mail.',
    fields: [...verification, { name: 'companyId', label: 'Company', kind: 'hidden' }],
    operation: Op.RestVerifyCustomerEmailDocument,
    inputNames: COMPANY_ID,
    submit: 'Verify',
    done: 'Your e-mail address is verified. You can sign in to the support portal.',
  },
  {
    audience: 'portal',
    kind: 'signIn',
    // GET only shows the button: mail scanners open links, and must not spend the link.
    title: 'Sign in to the support portal',
    intro: 'Sign in with the link from the e-mail. It works once.',
    fields: [token, { name: 'tenantSlug', label: 'Workspace', kind: 'hidden' }],
    operation: Op.RestSignInWithLinkDocument,
    inputNames: TENANT_SLUG,
    submit: 'Sign in',
    done: 'You are signed in. A client of the API uses these tokens (the access token for 15 minutes, the refresh token for a new one); they are shown only this once.',
    tokenRefused: 'INVALID_SIGN_IN_LINK',
    // This server has no portal pages of its own: without a frontend (PORTAL_SIGN_IN_URL), the session is what the link is for.
    shows: ({ signInWithLink: s }: Answered<Op.RestSignInWithLinkMutation>) => [
      ['Access token', s.accessToken],
      ['Refresh token', s.refreshToken],
    ],
  },
  {
    audience: 'portal',
    kind: 'rating',
    title: 'How did we do?',
    intro: 'Rate how your ticket was handled, from 1 (very unhappy) to 5 (very happy). You can rate it once.',
    fields: [
      { name: 'token', label: 'Token from the e-mail', kind: 'token' },
      { name: 'score', label: 'Your rating, 1 to 5', kind: 'score' },
      { name: 'comment', label: 'Anything you want to tell us?', kind: 'text', optional: true },
    ],
    operation: Op.RestRateTicketWithLinkDocument,
    submit: 'Send the rating',
    done: 'Thank you: your rating is recorded.',
    tokenRefused: 'INVALID_RATING_LINK',
  },
];

/** The string fields of a query or form that the page has, and nothing else. */
function fieldsOf(page: LinkPage, source: unknown, which: (f: FormField) => boolean): Record<string, string> {
  const given = (source ?? {}) as Record<string, unknown>;
  return Object.fromEntries(page.fields.filter(which).flatMap((f) => (typeof given[f.name] === 'string' ? [[f.name, given[f.name] as string]] : [])));
}

/** What the link may bring: the token, the address and hidden fields, never a secret. */
const fromLink = (f: FormField) => f.kind === 'token' || f.kind === 'hidden' || f.kind === 'email';

interface Outcome {
  status: number;
  message?: string;
  fieldErrors?: { field?: string; message: string }[];
  /** The values the re-shown form keeps. */
  values?: Record<string, string>;
}

function render(page: LinkPage, action: string, outcome: Outcome) {
  return (nonce: string) => {
    // Errors go beside the boxes shown; those of hidden fields are listed under the message.
    const shown = (f: FormField) => f.kind !== 'hidden' && !(f.kind === 'token' && outcome.values?.token);
    const onForm = new Set(page.fields.filter(shown).map((f) => f.name));
    const fieldErrors: Record<string, string> = {};
    const others: string[] = [];
    for (const e of outcome.fieldErrors ?? []) {
      if (e.field && onForm.has(e.field) && !fieldErrors[e.field]) fieldErrors[e.field] = e.message;
      else if (e.message !== outcome.message) others.push(e.message);
    }
    // A message naming the operation's fields (`otp is required.`) is said again, in words, at the field itself.
    const message = outcome.message && Object.keys(fieldErrors).length && !others.length ? 'Correct the fields marked below.' : outcome.message;
    const parts = [
      message ? paragraph(message, 'error') : paragraph(page.intro),
      list(others),
      form(action, page.fields, outcome.values ?? {}, fieldErrors, page.submit),
    ];
    return layout(nonce, page.title, parts.join('\n'));
  };
}

/**
 * An HTML form's fields (the last of a repeated name wins). Strict where URLSearchParams is lenient: a
 * percent-escape that is not UTF-8 refuses the form (undefined) instead of becoming U+FFFD in a password,
 * as a JSON body that is not UTF-8 is refused.
 */
export function parseForm(body: string): Record<string, string> | undefined {
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return Object.fromEntries(
      body
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=');
          return at < 0 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
        }),
    );
  } catch {
    return undefined;
  }
}

const FRAMEWORK_MESSAGES: Record<number, string> = {
  413: 'The form is too large.',
  415: 'Send the form as application/x-www-form-urlencoded, as a browser does.',
};

/**
 * The pages for links in e-mails, served always (they are the links' default targets, and links already
 * sent keep working after the settings point elsewhere; they allow nothing the REST routes do not). GET
 * shows the form, POST runs the operation and shows the outcome. Their own scope parses HTML forms, so the
 * rest of the server stays JSON-only, and turns every refusal into a page.
 */
export async function registerLinkPages(app: FastifyInstance, apollo: ApolloServer<Context>, contextFor: ContextFactory): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body, done) => {
      const fields = isUtf8(body as Buffer) ? parseForm((body as Buffer).toString('utf8')) : undefined;
      if (!fields) return done(new BadRequestError('The form is not valid UTF-8.'), undefined);
      done(null, fields);
    });

    for (const page of LINK_PAGES) {
      const path = (LINK_PAGE_PATHS[page.audience] as Record<LinkKind, string>)[page.kind as LinkKind];
      const query = print(page.operation);
      // The form posts to the page's own path, relative (no query: the token travels in the body), so it also
      // works behind a proxy that serves the server under a prefix of PUBLIC_URL.
      const action = path.slice(path.lastIndexOf('/') + 1);
      const sendPage = (reply: FastifyReply, outcome: Outcome) => sendLinkPage(reply, outcome.status, render(page, action, outcome));

      scope.get(path, async (request, reply) => sendPage(reply, { status: 200, values: fieldsOf(page, request.query, fromLink) }));

      scope.post(path, {
        // The same status, code and Retry-After as every other refusal (http-errors.ts); the words are the form's.
        errorHandler: (error: FastifyError, request, reply) => {
          const described = describeHttpError(error);
          const { status } = described;
          if (status >= 500) request.log.error({ err: error }, 'request failed');
          if (described.retryAfter !== undefined) reply.header('retry-after', String(described.retryAfter));
          const framework = !(error instanceof AppError) && status < 500;
          const message = FRAMEWORK_MESSAGES[status] ?? (framework ? 'The form cannot be taken as sent.' : described.message);
          return sendPage(reply, { status, message });
        },
        handler: async (request, reply) => {
          const entered = fieldsOf(page, request.body, () => true);
          const kept = fieldsOf(page, entered, isEchoed);
          const mismatch = page.fields.find((f) => f.repeats && entered[f.name] !== entered[f.repeats]);
          if (mismatch) {
            const fieldErrors = [{ field: mismatch.name, message: 'does not match the new password' }];
            return sendPage(reply, { status: 400, message: 'The two passwords differ.', fieldErrors, values: kept });
          }
          // Empty optional boxes are absent, as in a JSON body; the operation checks the rest.
          // A score box sends digits: a number for the operation (anything else goes as typed and is refused there).
          const input = Object.fromEntries(
            page.fields
              .filter((f) => !f.repeats && entered[f.name] !== undefined && !(f.optional && entered[f.name] === ''))
              .map((f) => [f.name, f.kind === 'score' && /^\d{1,3}$/.test(entered[f.name]) ? Number(entered[f.name]) : entered[f.name]]),
          );
          const { data, error: answered } = await executeForReply(apollo, { query, variables: { input: withInputNames(input, page.inputNames) } }, await contextFor(request), reply);
          const error = answered && withBodyNames(answered, page.inputNames);
          if (!error) {
            const shown = page.shows ? list(page.shows(data as never).map(([label, value]) => `${label}: ${value}`)) : '';
            return sendLinkPage(reply, 200, (nonce) => layout(nonce, page.title, [paragraph(page.done, 'done'), shown].join('\n')));
          }
          const status = failureStatus(reply, error);
          const values = error.extensions?.code === page.tokenRefused ? { ...kept, token: '' } : kept;
          return sendPage(reply, { status, message: error.message, fieldErrors: errorsOf(error), values });
        },
      });
    }
  });
}
