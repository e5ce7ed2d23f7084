import { NotFoundError } from '../../shared/errors';

export class TenantNotFoundError extends NotFoundError {
  override readonly code = 'TENANT_NOT_FOUND';
  constructor() {
    super('Company not found.');
  }
}
