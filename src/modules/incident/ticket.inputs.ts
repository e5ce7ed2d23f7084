import { IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';
import { CreateTicketInput } from './incident.inputs';

// The inputs of the portal's ticket mutations (issue 15: one `input` each): the old mutations' input and arguments,
// under the same names and descriptions.

@InputType({ description: "A customer's new ticket, and the key that makes a retry safe." })
export class TicketCreateInput extends CreateTicketInput {
  @Field(() => String, { nullable: true, description: "A key of the client's choosing: a retry with the same key returns the ticket the first attempt created." })
  @IsOptional()
  @IsString()
  @TextLength({ max: 200 })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A comment of mine on a ticket (always PUBLIC).' })
export class TicketCommentAddInput {
  @Field(() => ID, { description: "The ticket's id or number." }) ticketId!: string;
  @Field({ description: 'The comment, 1 to 5,000 characters.' }) @IsString() @TextLength({ min: 1, max: 5000 }) body!: string;
}
