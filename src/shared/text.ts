import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ValidationError } from './errors';

/**
 * Text length rules, in one place. Lengths are counted in characters, that is Unicode code points, as
 * PostgreSQL's length() and varchar(n) count them, not in UTF-16 units: an emoji is one character, so a limit
 * of 200 takes 200 of them. Services call checkLength / requiredText; input classes use @TextLength, which
 * applies the same count and says the same thing.
 */

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in characters (code points), not UTF-16 units. */
export const characterCount = (s: string): number => s.length - (s.match(SURROGATE_PAIR)?.length ?? 0);

/** Inclusive bounds, in characters; either may be left out. */
export interface LengthBounds {
  min?: number;
  max?: number;
}

/**
 * What is wrong with the length of `value` (a field error's message), or null when it is within bounds:
 * "must be 1 to 200 characters" with both bounds, "must be at most 200 characters" or "must be at least 8
 * characters" with one.
 */
export function lengthProblem(value: string, { min, max }: LengthBounds): string | null {
  const n = characterCount(value);
  if ((min === undefined || n >= min) && (max === undefined || n <= max)) return null;
  if (min !== undefined && max !== undefined) return `must be ${min} to ${max} characters`;
  return min !== undefined ? `must be at least ${min} characters` : `must be at most ${max} characters`;
}

/** Returns `value` when its length is within bounds; otherwise throws VALIDATION_FAILED naming the field. */
export function checkLength(field: string, value: string, bounds: LengthBounds): string {
  const problem = lengthProblem(value, bounds);
  if (problem) throw ValidationError.field(field, problem);
  return value;
}

/** Trimmed, non-blank text of at most `max` characters, or a field error naming the field. */
export function requiredText(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw ValidationError.field(field, 'must not be blank');
  return checkLength(field, trimmed, { max });
}

/** The name input classes' length rules are registered under (class-validator metadata; constraints [min, max]). */
export const TEXT_LENGTH_RULE = 'textLength';

/**
 * class-validator rule for an input field: a string whose length is within bounds, counted and worded as
 * checkLength does (class-validator's own Length and MaxLength count differently: they leave out variation
 * selectors). `options.message` replaces the wording where a field says something else ("is not a reset token").
 */
export function TextLength(bounds: LengthBounds, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: TEXT_LENGTH_RULE,
      constraints: [bounds.min ?? 0, bounds.max ?? Infinity],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && lengthProblem(value, bounds) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? (lengthProblem(args.value, bounds) ?? 'is invalid') : 'must be a string'),
      },
    },
    options,
  );
}
