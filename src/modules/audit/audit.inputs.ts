import { IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';

@InputType({ description: 'All given conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Actions starting with this, e.g. "portal_user." or "auth.login".' })
  @IsOptional()
  @IsString()
  @TextLength({ max: 100 })
  action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries by this staff member or portal user.' }) @IsOptional() @IsString() actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. customer, portal_user, incident, user, tenant.' })
  @IsOptional()
  @IsString()
  @TextLength({ max: 50 })
  targetType?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries about this row (with targetType).' }) @IsOptional() @IsString() targetId?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' }) to?: Date | null;
}

@InputType({ description: 'A chain position and its hash, recorded outside the database from an earlier verification (headSequence, headHash).' })
export class AuditChainAnchorInput {
  @Field({ description: 'The position (1 is the first entry).' })
  @IsString()
  @TextLength({ max: 20 })
  sequence!: string;

  @Field({ description: 'The hash the entry at that position had (SHA-256, lower-case hex).' })
  @IsString()
  @TextLength({ max: 64 })
  hash!: string;
}
