import { NotFoundError } from '../../shared/errors';

export class StaffMemberNotFoundError extends NotFoundError {
  override readonly code = 'STAFF_MEMBER_NOT_FOUND';
  constructor() {
    super('Staff member not found.');
  }
}
