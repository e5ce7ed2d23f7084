import { buildSchema as buildSdl, graphql } from 'graphql';
import { allow } from 'graphql-shield';
import { applyShield } from '../../src/authz/shield';
import { customerOnly, staffOnly } from '../../src/authz/rules';
import { ANONYMOUS } from '../../src/auth/viewer';

const sdl = buildSdl(`
  type Query { open: String  unruled: String  staffThing: String  customerThing: String  item: Item }
  type Mutation { doIt: String }
  type Item { name: String  secret: String }
`);
const rootValue = {
  open: () => 'open',
  unruled: () => 'leaked',
  staffThing: () => 'staff',
  customerThing: () => 'customer',
  doIt: () => 'done',
  item: () => ({ name: 'n', secret: 's' }),
};
const schema = applyShield(sdl, {
  Query: { open: allow, staffThing: staffOnly, customerThing: customerOnly, item: allow },
  Item: { secret: staffOnly },
});

const run = (source: string, viewer: unknown = ANONYMOUS) => graphql({ schema, source, rootValue, contextValue: { viewer } });
const staff = { kind: 'staff', userId: 'u', tenantId: 't', role: 'ADMIN', sessionId: 's' };
const customer = { kind: 'customer', customerUserId: 'c', tenantId: 't', customerId: null, sessionId: 's' };

describe('applyShield: deny by default, explicit rules only', () => {
  it('allows a field with an allow rule', async () => {
    expect((await run('{ open }')).data).toEqual({ open: 'open' });
  });

  it('denies a root field without a rule, with FORBIDDEN', async () => {
    const res = await run('{ unruled }');
    expect(res.data).toEqual({ unruled: null });
    expect(res.errors?.[0].extensions?.code ?? (res.errors?.[0].originalError as { code?: string })?.code).toBe('FORBIDDEN');
  });

  it('denies an unruled mutation', async () => {
    const res = await run('mutation { doIt }', staff);
    expect(res.data).toEqual({ doIt: null });
  });

  it('answers UNAUTHENTICATED to anonymous callers, FORBIDDEN to the other kind of caller', async () => {
    const anon = await run('{ staffThing }');
    expect((anon.errors?.[0].originalError as { code?: string }).code).toBe('UNAUTHENTICATED');
    // A valid token of the other kind is not an expired one: clients must not refresh or sign out on it.
    const wrong = await run('{ staffThing }', customer);
    expect((wrong.errors?.[0].originalError as { code?: string }).code).toBe('FORBIDDEN');
    expect((await run('{ staffThing }', staff)).data).toEqual({ staffThing: 'staff' });
    expect((await run('{ customerThing }', customer)).data).toEqual({ customerThing: 'customer' });
    expect((await run('{ customerThing }', staff)).data).toEqual({ customerThing: null });
  });

  it('guards a ruled internal field on an object type; other fields are not wrapped', async () => {
    const asCustomer = await run('{ item { name secret } }', customer);
    expect(asCustomer.data).toEqual({ item: { name: 'n', secret: null } });
    const asStaff = await run('{ item { name secret } }', staff);
    expect(asStaff.data).toEqual({ item: { name: 'n', secret: 's' } });
  });
});
