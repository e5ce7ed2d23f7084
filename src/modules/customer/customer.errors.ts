import { BadRequestError, ConflictError, NotFoundError } from '../../shared/errors';

export class CompanyNotAvailableError extends BadRequestError {
  override readonly code = 'COMPANY_NOT_AVAILABLE';
  constructor() {
    super('This company does not accept sign-ups here. Choose one from the company list.');
  }
}

export class CompanyRequiredError extends BadRequestError {
  override readonly code = 'COMPANY_REQUIRED';
  constructor() {
    super('This e-mail and password belong to accounts with several companies: say which one with workspace (over REST, companyId or tenantSlug).');
  }
}

/** A customer organization that does not exist or belongs to another tenant (the same answer). */
export class CustomerNotFoundError extends NotFoundError {
  override readonly code = 'CUSTOMER_NOT_FOUND';
  constructor() {
    super('Customer not found.');
  }
}

export class CustomerHasPortalUsersError extends ConflictError {
  override readonly code = 'CUSTOMER_HAS_PORTAL_USERS';
  constructor(portalUsers: number) {
    super(
      `This organization still has ${portalUsers} portal user${portalUsers === 1 ? '' : 's'}. Move them to another organization (or to none) first.`,
      { details: { portalUsers } },
    );
  }
}

/** A portal user that does not exist or belongs to another tenant (the same answer). */
export class PortalUserNotFoundError extends NotFoundError {
  override readonly code = 'PORTAL_USER_NOT_FOUND';
  constructor() {
    super('Portal user not found.');
  }
}

export class PortalUserInactiveError extends ConflictError {
  override readonly code = 'PORTAL_USER_INACTIVE';
  constructor() {
    super('This portal user is deactivated. Reactivate them first.');
  }
}
