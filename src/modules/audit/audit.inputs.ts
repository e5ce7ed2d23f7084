import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'All given conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Actions starting with this, e.g. "portal_user." or "auth.login".' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries by this staff member or portal user.' }) @IsOptional() @IsString() actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. customer, portal_user, incident, user, tenant.' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: 'must be at most 50 characters' })
  targetType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() targetId?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' }) to?: Date | null;
}
