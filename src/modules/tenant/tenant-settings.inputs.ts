import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TextLength } from '../../shared/text';

@InputType({ description: 'Settings to change; omitted fields stay as they are.' })
export class UpdateTenantSettingsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @TextLength({ min: 1, max: 100 }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() allowCustomerSignup?: boolean | null;
}
