import { CodedError } from '../../src/domain/errors.js';

/** The CodedError thrown by `fn` (fails the test when it throws nothing or something else). */
export function errorOf(fn: () => unknown): CodedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodedError) return e;
    throw e;
  }
  throw new Error('expected a CodedError');
}
