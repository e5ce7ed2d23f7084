import { getMetadataStorage as validatorMetadata, validate } from 'class-validator';
import { getMetadataStorage as typeGraphQLMetadata } from 'type-graphql';
import { checkPasswordRules } from '../../src/auth/passwords';
import { buildBareSchema } from '../../src/graphql/schema';
import { fieldErrorOf } from '../setup/field-errors';
import { characterCount, checkLength, lengthProblem, requiredText, TEXT_LENGTH_RULE, TextLength } from '../../src/shared/text';

const EMOJI = '\u{1F600}'; // one code point, two UTF-16 units
const VARIATION = '\u2764\uFE0F'; // a heart and a variation selector: two code points


describe('text lengths: counted in code points, one rule for services and inputs', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(characterCount(EMOJI.repeat(200))).toBe(200);
    expect(characterCount('Cafe\u0301')).toBe(5); // a combining accent is a code point of its own
    expect(characterCount(VARIATION)).toBe(2);
    expect(characterCount('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}')).toBe(5); // a family: three people, two joiners
    expect(characterCount('\uD800x')).toBe(2); // a lone surrogate is one
  });

  it('words a problem by the bounds given', () => {
    expect(lengthProblem('x'.repeat(3), { min: 1, max: 3 })).toBeNull();
    expect(lengthProblem('', { min: 1, max: 3 })).toBe('must be 1 to 3 characters');
    expect(lengthProblem('x'.repeat(4), { min: 1, max: 3 })).toBe('must be 1 to 3 characters');
    expect(lengthProblem('x'.repeat(4), { max: 3 })).toBe('must be at most 3 characters');
    expect(lengthProblem('x', { min: 8 })).toBe('must be at least 8 characters');
  });

  it('checkLength and requiredText throw VALIDATION_FAILED naming the field', () => {
    expect(checkLength('title', EMOJI.repeat(200), { max: 200 })).toBe(EMOJI.repeat(200));
    expect(fieldErrorOf(() => checkLength('title', EMOJI.repeat(201), { max: 200 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'title', message: 'must be at most 200 characters' });
    expect(requiredText('title', `  ${EMOJI.repeat(200)}  `, 200)).toBe(EMOJI.repeat(200));
    expect(fieldErrorOf(() => requiredText('title', ' \n ', 200))).toEqual({ code: 'VALIDATION_FAILED', field: 'title', message: 'must not be blank' });
    expect(fieldErrorOf(() => requiredText('body', VARIATION.repeat(3), 5))).toMatchObject({ field: 'body', message: 'must be at most 5 characters' });
  });

  it('passwords count the same way', () => {
    expect(fieldErrorOf(() => checkPasswordRules(EMOJI.repeat(7)))).toMatchObject({ message: 'must be at least 8 characters' });
    expect(() => checkPasswordRules(`${EMOJI.repeat(127)}x`)).not.toThrow();
    expect(fieldErrorOf(() => checkPasswordRules(`${EMOJI.repeat(128)}x`))).toMatchObject({ message: 'must be at most 128 characters' });
  });

  it('@TextLength on an input class agrees with checkLength, in count and in wording', async () => {
    class Input {
      @TextLength({ min: 1, max: 3 }) title!: string;
      @TextLength({ max: 3 }, { message: 'is not a token' }) token!: string;
    }
    const check = async (title: string, token = 'ok') =>
      (await validate(Object.assign(new Input(), { title, token }))).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property} ${m}`));
    expect(await check(EMOJI.repeat(3))).toEqual([]);
    expect(await check(EMOJI.repeat(4))).toEqual(['title must be 1 to 3 characters']);
    // class-validator's own Length would take these as 2 characters: variation selectors are code points here.
    expect(await check(VARIATION.repeat(2))).toEqual(['title must be 1 to 3 characters']);
    expect(await check('')).toEqual(['title must be 1 to 3 characters']);
    expect(await check('abc', 'abcd')).toEqual(['token is not a token']);
  });

  it("no input class uses class-validator's own length rules, which count differently", () => {
    buildBareSchema(); // loads every input class
    const builtIn = new Set(['isLength', 'maxLength', 'minLength']);
    const found: string[] = [];
    let ruled = 0;
    for (const input of typeGraphQLMetadata().inputTypes) {
      for (const m of validatorMetadata().getTargetValidationMetadatas(input.target, '', true, false)) {
        if (m.name && builtIn.has(m.name)) found.push(`${input.name}.${m.propertyName} (${m.name})`);
        if (m.name === TEXT_LENGTH_RULE) ruled += 1;
      }
    }
    expect(found).toEqual([]);
    expect(ruled).toBeGreaterThan(40);
  });
});
