import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../../src/db/errors';
import { createFormatError } from '../../src/graphql/errors';
import { NotFoundError, RateLimitedError, statusForCode, ValidationError } from '../../src/shared/errors';
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
  ])('%s: unavailable', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a protocol violation (a bug, not an outage)', pgError('08P01', 'invalid message format')],
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a plain error', new Error('boom')],
  ])('%s: not unavailable', (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
