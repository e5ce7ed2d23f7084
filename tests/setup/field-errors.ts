import { ValidationError } from '../../src/shared/errors';

/** The first field error a ValidationError thrown by `fn` carries; undefined when `fn` throws nothing. */
export function fieldErrorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors[0];
    throw e;
  }
  return undefined;
}
