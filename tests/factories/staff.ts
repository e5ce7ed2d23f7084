import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PasswordHasher } from '../../src/auth/passwords';
import type { StaffRole } from '../../src/auth/viewer';
import { Tenant } from '../../src/modules/tenant/tenant.entity';
import { User } from '../../src/modules/user/user.entity';
import type { TestApp } from '../setup/app';
import { createTenant } from './tenants';

export const STRONG_PASSWORD = 'Correct-Horse-Battery-9';

export interface StaffFixture {
  user: User;
  tenant: Tenant;
  email: string;
  password: string;
}

/** A verified, active staff member (and a tenant, unless one is given), written straight to the database. */
export async function createStaff(
  em: EntityManager,
  hasher: PasswordHasher,
  options: { role?: StaffRole; tenant?: Tenant; email?: string; password?: string; verified?: boolean; active?: boolean } = {},
): Promise<StaffFixture> {
  const tenant = options.tenant ?? (await createTenant(em));
  const email = options.email ?? `staff-${randomBytes(4).toString('hex')}@example.test`;
  const password = options.password ?? STRONG_PASSWORD;
  const user = em.create(User, {
    tenant: em.getReference(Tenant, tenant.id),
    email,
    passwordHash: await hasher.hash(password),
    role: options.role ?? 'ENGINEER',
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailVerifiedAt: options.verified === false ? null : new Date(),
    isActive: options.active ?? true,
  });
  await em.flush();
  return { user, tenant, email, password };
}

export interface LoggedIn {
  accessToken: string;
  refreshToken: string;
  auth: Record<string, string>;
}

/** Signs in over REST, as a client would. */
export async function login(t: TestApp, email: string, password: string): Promise<LoggedIn> {
  const res = await t.rest<{ data: { accessToken: string; refreshToken: string } }>('POST', '/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  const { accessToken, refreshToken } = res.body.data;
  return { accessToken, refreshToken, auth: { authorization: `Bearer ${accessToken}` } };
}
