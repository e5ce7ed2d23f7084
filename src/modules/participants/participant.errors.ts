import { ForbiddenError } from '../../shared/errors';

/**
 * A portal user who sees the ticket (a participant, or a colleague through the organization) but is not its
 * reporter, adding or removing someone else: they know the ticket exists, so no pretence of a missing one.
 */
export class ParticipantChangeNotAllowedError extends ForbiddenError {
  override readonly code = 'PARTICIPANT_CHANGE_NOT_ALLOWED';
  constructor() {
    super("Only the ticket's reporter (or staff) may add or remove participants; a participant may leave.");
  }
}
