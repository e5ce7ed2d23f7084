import type { FieldError } from '../shared/errors';

/** The documented REST envelope (REST-CONTRACT.md). */
export interface SuccessEnvelope<T = unknown> {
  success: true;
  message: string;
  data: T;
}

export interface FailureEnvelope {
  success: false;
  message: string;
  errors: FieldError[];
}

export const success = <T>(message: string, data: T): SuccessEnvelope<T> => ({ success: true, message, data });

export const failure = (message: string, errors: FieldError[]): FailureEnvelope => ({ success: false, message, errors });
