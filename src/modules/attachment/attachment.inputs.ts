import { IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Upload, UploadScalar } from '../../graphql/uploads';
import { TextLength } from '../../shared/text';

// The input of the portal's upload mutation (issue 15: one `input`): the old mutation's arguments, under the same
// names and descriptions. The files sit inside it: the multipart request's map names `variables.input.files.<n>`.

@InputType({ description: 'Files to attach to a ticket I may see, or to a comment of mine on it.' })
export class TicketFilesAttachInput {
  @Field(() => ID, { description: 'The id or the number (INC-…).' }) ticketId!: string;
  @Field(() => [UploadScalar], { description: 'The files: parts of the multipart request (the GraphQL multipart request spec), read in this order.' }) files!: Upload[];
  @Field(() => ID, { nullable: true, description: 'Hang the files on this update (a customer: a comment of their own) rather than on the ticket itself.' }) updateId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A retry with the same key (same update, same bytes) answers the first upload and stores nothing; the key with another upload is IDEMPOTENCY_KEY_REUSED.',
  })
  @IsOptional()
  @IsString()
  @TextLength({ max: 200 })
  idempotencyKey?: string | null;
}
