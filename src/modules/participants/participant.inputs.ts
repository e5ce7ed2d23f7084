import { Field, ID, InputType } from 'type-graphql';

// The inputs of the portal's participant mutations (issue 15: one `input` each): the old mutations' arguments,
// under the same names and descriptions.

const TICKET = { description: 'The id or the number (INC-…).' };

@InputType({ description: 'A colleague to add to a ticket I reported.' })
export class TicketParticipantAddInput {
  @Field(() => ID, TICKET) ticketId!: string;
  @Field(() => ID, { description: "The colleague's portal user id." }) userId!: string;
}

@InputType({ description: 'A participant to remove from a ticket (my own id: leaving).' })
export class TicketParticipantRemoveInput {
  @Field(() => ID, TICKET) ticketId!: string;
  @Field(() => ID, { description: "The participant's portal user id (your own: leaving)." }) userId!: string;
}

@InputType({ description: 'A ticket I take part in and leave.' })
export class TicketLeaveInput {
  @Field(() => ID, TICKET) ticketId!: string;
}
