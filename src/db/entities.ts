import { ActionToken, OneTimeCode, RateLimitEntry, RefreshToken, Session } from '../auth/auth.entities';
import { OAuthState } from '../auth/oauth-state.entity';
import { AuditEntry } from '../modules/audit/audit.entity';
import { Tenant } from '../modules/tenant/tenant.entity';
import { User } from '../modules/user/user.entity';

/** Every ORM entity, listed explicitly so the same list works from TypeScript (tests, scripts) and compiled JS. */
export const entities = [Tenant, User, Session, RefreshToken, OneTimeCode, ActionToken, RateLimitEntry, AuditEntry, OAuthState];
