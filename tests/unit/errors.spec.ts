import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../../src/db/errors';
import { createFormatError } from '../../src/graphql/errors';
import { NotFoundError, RateLimitedError, statusForCode, UnavailableError, UnknownOutcomeError, ValidationError } from '../../src/shared/errors';
import { TenantNotFoundError } from '../../src/modules/tenant/tenant.errors';

const format = createFormatError({ exposeStack: false, log: () => undefined });
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('error translation', () => {
  it('keeps an AppError code, message and details', () => {
    const out = format({ message: 'ignored' }, wrap(new RateLimitedError('Slow down.', 42)));
    expect(out).toMatchObject({ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfter: 42 } });
  });

  it('gives a rate-limit refusal the limiter numbers in extensions.rateLimit, beside the older retryAfter', () => {
    const state = { limit: 120, remaining: 0, resetSeconds: 17, windowSeconds: 60 };
    const out = format({ message: 'ignored' }, wrap(new RateLimitedError('Slow down.', 17, state)));
    expect(out.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfter: 17,
      rateLimit: { limit: 120, remaining: 0, resetSeconds: 17, windowSeconds: 60, retryAfterSeconds: 17 },
    });
  });

  it('lists field errors for validation failures', () => {
    const out = format({ message: 'x' }, wrap(ValidationError.field('password', 'must be at least 8 characters')));
    expect(out.extensions).toEqual({
      code: 'VALIDATION_FAILED',
      errors: [{ code: 'VALIDATION_FAILED', field: 'password', message: 'must be at least 8 characters' }],
    });
  });

  it('hides unexpected errors behind a generic message, without a stack', () => {
    const out = format({ message: 'boom: secret detail', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrap(new Error('boom: secret detail')));
    expect(out.message).toBe('Something went wrong on our side.');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(out)).not.toContain('secret detail');
  });

  it('maps codes to HTTP statuses from the catalogue, module codes included', () => {
    expect(statusForCode('NOT_FOUND')).toBe(404);
    expect(statusForCode('RATE_LIMITED')).toBe(429);
    expect(statusForCode('SOMETHING_ELSE')).toBe(500);
    format({ message: '' }, wrap(new TenantNotFoundError()));
    expect(statusForCode('TENANT_NOT_FOUND')).toBe(404);
    expect(new TenantNotFoundError()).toBeInstanceOf(NotFoundError);
  });
});

describe('which database errors mean "unavailable" (503)', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['connection refused', pgError('ECONNREFUSED')],
    ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['too many connections', pgError('53300')],
    ['connection failure', pgError('08006')],
    ['pool timeout', new Error('Timeout acquiring a connection. The pool is probably full.')],
    ['wrapped in a cause', Object.assign(new Error('query failed'), { cause: pgError('ECONNRESET') })],
    ['cannot connect now (starting or stopping)', pgError('57P03', 'the database system is shutting down')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a connection found dead', new Error('Client has encountered a connection error and is not queryable')],
    ["knex's transaction whose connection died", new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['a read replica cancelling a query for replay', pgError('40001', 'canceling statement due to conflict with recovery')],
    ['inside a GraphQLError (a failed begin or commit)', new GraphQLError('database failure', { originalError: pgError('57P01') })],
  ])('%s: unavailable', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a protocol violation (a bug, not an outage)', pgError('08P01', 'invalid message format')],
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a plain error', new Error('boom')],
  ])('%s: not unavailable', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe('the answers for an absent database', () => {
  it('a failed begin or commit wrapped in a GraphQLError is UNAVAILABLE with retryAfter, not a 500', () => {
    const failure = new GraphQLError('database failure', { originalError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) });
    const out = format(failure.toJSON(), failure);
    expect(out.extensions).toEqual({ code: 'UNAVAILABLE', retryAfter: 1 });
    expect(statusForCode('UNAVAILABLE')).toBe(503);
  });

  it('UNKNOWN_OUTCOME is a 503 that tells the client to retry with its idempotency key', () => {
    const out = format({ message: '' }, wrap(new UnknownOutcomeError({ cause: new Error('Connection terminated unexpectedly') })));
    expect(out.extensions).toEqual({ code: 'UNKNOWN_OUTCOME', retryAfter: 1 });
    expect(out.message).toMatch(/may or may not have been stored.*Idempotency-Key/);
    expect(statusForCode('UNKNOWN_OUTCOME')).toBe(503);
    expect(new UnavailableError().details).toEqual({ retryAfter: 1 });
  });
});
