import { BadRequestError } from '../../shared/errors';

export class CompanyNotAvailableError extends BadRequestError {
  override readonly code = 'COMPANY_NOT_AVAILABLE';
  constructor() {
    super('This company does not accept sign-ups here. Choose one from the company list.');
  }
}

export class CompanyRequiredError extends BadRequestError {
  override readonly code = 'COMPANY_REQUIRED';
  constructor() {
    super('This e-mail and password belong to accounts with several companies: say which one with companyId (or tenantSlug).');
  }
}
