import type { CountryCode } from 'libphonenumber-js/max';

// The full metadata (about 150 KB) is read on first use: most starts never parse a phone number.
let loaded: typeof import('libphonenumber-js/max') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const phones = () => (loaded ??= require('libphonenumber-js/max') as typeof import('libphonenumber-js/max'));

/** Whether `code` is a country libphonenumber knows (ISO 3166-1 alpha-2, e.g. GB). */
export const isPhoneCountry = (code: string): code is CountryCode => phones().isSupportedCountry(code);

/**
 * A phone number in any common notation ("+44 20 7946 0000", "+1 (415) 555-0123", "020 7946 0000" with a
 * default country) as E.164 ("+442079460000"), or undefined when it is not a valid number. Stored
 * normalised, so lookups and SMS providers get one form.
 */
export function toE164(value: string, defaultCountry?: CountryCode): string | undefined {
  const parsed = phones().parsePhoneNumberFromString(value, defaultCountry ? { defaultCountry, extract: false } : { extract: false });
  return parsed?.isValid() ? parsed.number : undefined;
}
