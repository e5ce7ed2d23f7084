import jwt from 'jsonwebtoken';
import { TokenService } from '../../src/auth/tokens';
import { createCustomerUser, portalLogin } from '../factories/portal';
import { createStaff, login, type StaffFixture } from '../factories/staff';
import { createTenant } from '../factories/tenants';
import { startTestApp, type TestApp } from '../setup/app';

const OLD = { JWT_STAFF_SECRET: 'rotation-old-staff-'.padEnd(48, 'a'), JWT_PORTAL_SECRET: 'rotation-old-portal-'.padEnd(48, 'b') };
const NEW = { JWT_STAFF_SECRET: 'rotation-new-staff-'.padEnd(48, 'c'), JWT_PORTAL_SECRET: 'rotation-new-portal-'.padEnd(48, 'd') };

/**
 * Three server processes on one database, as during a rotation: one still on the old keys, one signing
 * with the new keys and verifying the old ones too, one after the old keys were dropped.
 */
describe('rotating the token keys does not sign anyone out', () => {
  let old: TestApp;
  let rotating: TestApp;
  let done: TestApp;
  let staff: StaffFixture;
  let customerEmail: string;
  let customerPassword: string;

  beforeAll(async () => {
    old = await startTestApp(OLD);
    rotating = await startTestApp(
      { ...NEW, JWT_STAFF_PREVIOUS_SECRETS: OLD.JWT_STAFF_SECRET, JWT_PORTAL_PREVIOUS_SECRETS: OLD.JWT_PORTAL_SECRET },
      { sameDatabaseAs: old },
    );
    done = await startTestApp(NEW, { sameDatabaseAs: old });
    const em = old.em();
    const tenant = await createTenant(em, { slug: 'rotation-co' });
    staff = await createStaff(em, old.app.runtime.passwords, { tenant, role: 'ADMIN' });
    const customer = await createCustomerUser(em, old.app.runtime.passwords, tenant);
    customerEmail = customer.email;
    customerPassword = customer.password;
  });
  afterAll(async () => {
    await done.close();
    await rotating.close();
    await old.close();
  });

  const me = (t: TestApp, auth: Record<string, string>) => t.rest('GET', '/api/v1/auth/me', undefined, auth);
  const portalMe = (t: TestApp, auth: Record<string, string>) => t.rest('GET', '/api/v1/portal/auth/me', undefined, auth);

  it('tokens issued with the old keys keep working where the old keys are listed as previous', async () => {
    const session = await login(old, staff.email, staff.password);
    const portal = await portalLogin(old, 'rotation-co', customerEmail, customerPassword);
    expect((await me(rotating, session.auth)).status).toBe(200);
    expect((await portalMe(rotating, portal)).status).toBe(200);
    // Once the old keys are gone, so are their tokens; the refresh token (opaque, in the database) still works.
    expect((await me(done, session.auth)).status).toBe(401);
    expect((await portalMe(done, portal)).status).toBe(401);
    const refreshed = await done.rest<{ data: { accessToken: string } }>('POST', '/api/v1/auth/refresh-token', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await me(done, { authorization: `Bearer ${refreshed.body.data.accessToken}` })).status).toBe(200);
  });

  it('the rotating process signs with the new key only', async () => {
    const session = await login(rotating, staff.email, staff.password);
    expect(jwt.decode(session.accessToken, { complete: true })!.header.kid).toBe(TokenService.keyId('staff', NEW.JWT_STAFF_SECRET));
    expect((await me(done, session.auth)).status).toBe(200);
    expect((await me(rotating, session.auth)).status).toBe(200);
  });

  it('a token naming an unknown key is refused with the same answer as any bad token', async () => {
    const session = await login(old, staff.email, staff.password);
    const claims = jwt.decode(session.accessToken) as Record<string, unknown>;
    const unknownKid = jwt.sign(claims, OLD.JWT_STAFF_SECRET, { algorithm: 'HS256', keyid: 'unknown-key-id00' });
    const res = await me(rotating, { authorization: `Bearer ${unknownKid}` });
    expect(res.status).toBe(401);
    const garbage = await me(rotating, { authorization: 'Bearer not.a.token' });
    expect(res.body).toEqual(garbage.body);
  });
});
