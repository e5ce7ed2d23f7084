import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { isEnumType } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/errors';
import { AppError, UnavailableError } from '../shared/errors';
import { queryLimitErrorOf, tokenLimitErrorOf } from './limits';

/** graphql-js's "Did you mean ...?" hints name fields, types and enum values: a map of the schema. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** class-validator / type-graphql argument validation failure, as thrown by type-graphql. */
interface ArgumentValidationLike {
  extensions?: { code?: string; validationErrors?: { property: string; constraints?: Record<string, string> }[] };
}

/**
 * graphql-js reports bad variables as one sentence that echoes the submitted value (a password, say). Turn
 * the common cases into a field error that names the field and repeats nothing.
 */
function describeInputError(message: string, schema?: GraphQLSchema): { code: string; field: string; message: string } | undefined {
  const missing = /Field "([^"]+)" of required type "[^"]+" was not provided/.exec(message);
  const nested = /at "[^".]+\.([^"]+)"/.exec(message);
  // A bad top-level variable (not inside an input object) is named by the variable itself.
  const at = nested ?? /Variable "\$(\w+)" got invalid value/.exec(message);
  if (missing) return { code: 'VALIDATION_FAILED', field: nested ? `${nested[1]}.${missing[1]}` : missing[1], message: 'is required' };
  const unknown = /Field "([^"]+)" is not defined by type/.exec(message);
  if (unknown) return { code: 'VALIDATION_FAILED', field: unknown[1], message: 'is not a known field' };
  const badEnum = /does not exist in "(\w+)" enum/.exec(message);
  const enumType = badEnum ? schema?.getType(badEnum[1]) : undefined;
  if (at && enumType && isEnumType(enumType)) {
    return { code: 'VALIDATION_FAILED', field: at[1], message: `must be one of ${enumType.getValues().map((v) => v.name).join(', ')}` };
  }
  const type = /cannot represent (?:a )?(?:non[- ])?(\w+)/i.exec(message) ?? /Expected type "([^"]+)"/.exec(message);
  if (at) return { code: 'VALIDATION_FAILED', field: at[1], message: type ? `has the wrong type (${type[0].replace(/:.*/, '')})` : 'is invalid' };
  return undefined;
}

/**
 * The one translator from thrown errors to GraphQL errors: AppErrors keep their code and message; input
 * validation becomes VALIDATION_FAILED with field errors; anything unexpected becomes a generic
 * INTERNAL_SERVER_ERROR (logged with its stack, never shown outside development).
 */
export function createFormatError(options: { exposeStack: boolean; hideSuggestions?: boolean; log: () => Logger | undefined; schema?: GraphQLSchema }) {
  const translate = translator(options);
  if (!options.hideSuggestions) return translate;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = translate(formatted, error);
    const message = out.message.replace(SUGGESTION, '');
    return message === out.message ? out : { ...out, message };
  };
}

function translator(options: { exposeStack: boolean; log: () => Logger | undefined; schema?: GraphQLSchema }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Over a query limit (depth, aliases, directives, tokens, cost): the limit's own code, with the numbers.
    const limit = queryLimitErrorOf(error) ?? (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitErrorOf(formatted.message) : undefined);
    if (limit) {
      return { message: limit.message, locations: formatted.locations, extensions: { code: limit.code, limit: limit.limit, ...(limit.found === undefined ? {} : { found: limit.found }) } };
    }

    let original = unwrapResolverError(error);
    // An AppError raised before execution (a plugin's check, graphql/input-guard.ts) arrives wrapped, without a path.
    if (original instanceof GraphQLError && original.originalError instanceof AppError) original = original.originalError;
    // The database away, however deep the wrapping (a failed begin or commit arrives inside a GraphQLError).
    if (!(original instanceof AppError) && isDatabaseUnavailable(original)) {
      options.log()?.error({ err: original }, 'database unavailable');
      original = new UnavailableError();
    }
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: original.code,
          ...original.details,
          ...(original.fieldErrors.length ? { errors: original.fieldErrors } : {}),
        },
      };
    }

    const validation = (original as ArgumentValidationLike | undefined)?.extensions?.validationErrors;
    if (validation) {
      const errors = validation.flatMap((v) =>
        Object.values(v.constraints ?? {}).map((message) => ({ code: 'VALIDATION_FAILED', field: v.property, message })),
      );
      return { ...base, message: 'Some fields are invalid.', extensions: { code: 'VALIDATION_FAILED', errors } };
    }

    const code = formatted.extensions?.code as string | undefined;
    if (code === 'BAD_USER_INPUT') {
      const fieldError = describeInputError(formatted.message, options.schema);
      if (fieldError) return { ...base, message: `${fieldError.field} ${fieldError.message}.`, extensions: { code: 'VALIDATION_FAILED', errors: [fieldError] } };
    }
    // Errors graphql-js and Apollo raise themselves (parse, validation, bad variables) are safe to show.
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...base, extensions: { code } };
    }
    // graphql-js refusing an argument or variable value during execution: the caller's input, not our bug.
    if (original instanceof GraphQLError && !original.originalError && (!code || /^(Argument|Variable) /.test(original.message))) {
      return { ...base, extensions: { code: 'BAD_REQUEST' } };
    }
    options.log()?.error({ err: original }, 'unexpected error in a GraphQL operation');
    return {
      ...base,
      message: 'Something went wrong on our side.',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(options.exposeStack && original instanceof Error ? { debug: { message: original.message, stack: original.stack } } : {}),
      },
    };
  };
}
