import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Settings to change; omitted fields stay as they are.' })
export class UpdateTenantSettingsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() allowCustomerSignup?: boolean | null;
}
