import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLOutputType,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ERROR_CODES } from '../shared/error-codes';
import { callerOf, type Caller } from '../authz/rules';
import { ATTACHMENT_DOORS, ATTACHMENT_ROUTES } from './attachments';
import type { AnyRestRoute } from './executor';

type Schema = Record<string, unknown>;

const SCALARS: Record<string, Schema> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
  DateTime: { type: 'string', format: 'date-time' },
  JSONObject: { type: 'object', additionalProperties: true, description: 'A JSON object of any fields.' },
};

const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

/** A GraphQL input type as JSON Schema: enum values listed (REST reads them in any case, rest/enums.ts). */
function inputSchema(type: GraphQLInputType, seen = new Set<string>()): Schema {
  if (isNonNullType(type)) return inputSchema(type.ofType, seen);
  if (isListType(type)) return { type: 'array', items: inputSchema(type.ofType, seen) };
  if (isEnumType(type)) return { type: 'string', enum: type.getValues().map((v) => v.name), description: 'Any case; spaces and hyphens for underscores.' };
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return { type: 'object' };
    const fields = Object.values(type.getFields());
    const inner = new Set(seen).add(type.name);
    return {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f.name, { ...inputSchema(f.type, inner), ...(f.description ? { description: f.description } : {}) }])),
      required: fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name),
    };
  }
  return SCALARS[type.name] ?? { type: 'string' };
}

type Fragments = Map<string, SelectionSetNode>;

/** The fields a selection set asks for, fragments (named and inline) spread in. */
function fieldsOf(selection: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return selection.selections.flatMap((s) =>
    s.kind === 'Field' ? [s] : s.kind === 'InlineFragment' ? fieldsOf(s.selectionSet, fragments) : fragments.has(s.name.value) ? fieldsOf(fragments.get(s.name.value)!, fragments) : [],
  );
}

/**
 * What a selection answers, as JSON Schema: every selected field, always present (null where the field is
 * nullable), and nothing else.
 */
function outputSchema(type: GraphQLOutputType, selection: SelectionSetNode | undefined, fragments: Fragments): Schema {
  if (isNonNullType(type)) {
    const inner = outputSchema(type.ofType, selection, fragments);
    return inner.anyOf ? (inner.anyOf as Schema[])[0] : inner;
  }
  if (isListType(type)) return nullable({ type: 'array', items: outputSchema(type.ofType, selection, fragments) });
  const named = getNamedType(type);
  if (isEnumType(named)) return nullable({ type: 'string', enum: named.getValues().map((v) => v.name) });
  if ((isObjectType(named) || isInterfaceType(named)) && selection) {
    const fields = named.getFields();
    const properties: Record<string, Schema> = {};
    for (const s of fieldsOf(selection, fragments)) {
      const key = s.alias?.value ?? s.name.value;
      properties[key] = s.name.value === '__typename' ? { type: 'string' } : outputSchema(fields[s.name.value].type, s.selectionSet, fragments);
    }
    return nullable(exactObject(properties));
  }
  if (isUnionType(named)) throw new Error(`no REST answer describes the union ${named.name} yet`);
  return nullable(SCALARS[named.name] ?? { type: 'string' });
}

const exactObject = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  properties,
  ...(Object.keys(properties).length ? { required: Object.keys(properties) } : {}),
  additionalProperties: false,
});

/** The schema of each stand-in value of an operation's answer (see `standIn`). */
type StandIns = WeakMap<object, Schema>;

/**
 * A stand-in for what a selection answers: an object with the selected fields, a list of one stand-in, a fresh
 * object for a leaf (a scalar or an enum value); each remembered with its schema. A route's `data` run on the stand-in answer returns
 * stand-ins, as they are or picked into objects of its own, so its envelope's `data` can be read back from it.
 */
function standIn(type: GraphQLOutputType, selection: SelectionSetNode | undefined, fragments: Fragments, known: StandIns): object {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(type);
  let value: object;
  if (isListType(inner)) {
    const list = [standIn(inner.ofType as GraphQLOutputType, selection, fragments, known)];
    // A route may keep some of a list's items (the OpsWeave `comments`: the updates of kind COMMENT): what it keeps is described as the list.
    Object.defineProperty(list, 'filter', { value: () => list });
    value = list;
  } else if ((isObjectType(named) || isInterfaceType(named)) && selection) {
    const fields = named.getFields();
    value = Object.fromEntries(
      fieldsOf(selection, fragments).map((s) => [s.alias?.value ?? s.name.value, s.name.value === '__typename' ? {} : standIn(fields[s.name.value].type, s.selectionSet, fragments, known)]),
    );
  } else {
    value = {};
  }
  // A value made from a stand-in (a template string, a sum) is nothing the document can describe: say so.
  Object.defineProperty(value, Symbol.toPrimitive, {
    value: () => {
      throw new Error('it computes a value from a field');
    },
  });
  known.set(value, outputSchema(type, selection, fragments));
  return value;
}

/** The schema of what a route's `data` returned from the stand-in answer; throws where it cannot tell. */
function schemaOfData(value: unknown, known: StandIns, where: string): Schema {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return { const: value };
  if (typeof value !== 'object') throw new Error(`${where} is ${typeof value}: a field the operation does not select, or a value computed from one`);
  const standing = known.get(value);
  if (standing) return standing;
  if (Array.isArray(value)) {
    if (!value.length) throw new Error(`${where} is an empty list`);
    return { type: 'array', items: schemaOfData(value[0], known, `${where}[0]`) };
  }
  return exactObject(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOfData(v, known, `${where}.${k}`)])));
}

/**
 * The envelope's `data` of a route, read from its `data` function run on a stand-in of its operation's answer:
 * a root field answered as is, fields picked and renamed, objects spread, `{}`, all described exactly.
 */
function dataSchema(schema: GraphQLSchema, route: AnyRestRoute, operation: OperationDefinitionNode, fragments: Fragments): Schema {
  const root = operation.operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
  const known: StandIns = new WeakMap();
  const answer = Object.fromEntries(
    fieldsOf(operation.selectionSet, fragments).map((s) => [s.alias?.value ?? s.name.value, standIn(root.getFields()[s.name.value].type, s.selectionSet, fragments, known)]),
  );
  const where = `${route.method} ${route.path}: data`;
  let data: unknown;
  try {
    data = route.data(answer);
  } catch (e) {
    throw new Error(`${where} cannot be described from its operation: ${(e as Error).message}`);
  }
  return schemaOfData(data, known, where);
}

/** Whose token a route asks for: its operation's root field's rule (authz/rules.ts), none for a public one. */
function securityOf(route: AnyRestRoute, operation: OperationDefinitionNode, fragments: Fragments): Schema[] {
  const type = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
  const needs = new Set(fieldsOf(operation.selectionSet, fragments).map((s) => callerOf(type, s.name.value)));
  if (needs.size !== 1 || needs.has(undefined)) throw new Error(`${route.method} ${route.path}: its operation's root fields need ${[...needs].join(' and ')} tokens`);
  return SECURITY[[...needs][0]!];
}

/** Security requirements by who may call: public routes none, others the token of their kind. */
const SECURITY: Record<Caller, Schema[]> = {
  anyone: [],
  staff: [{ staffBearer: [] }],
  customer: [{ portalBearer: [] }],
  'signed-in': [{ staffBearer: [] }, { portalBearer: [] }],
};

const pathOf = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** The query-string parameters a route reads: the keys its `variables` asks of the query when called. */
function queryParamsOf(route: AnyRestRoute, pathParams: string[]): string[] {
  const read = new Set<string>();
  const query = new Proxy(
    {},
    {
      get: (_, key) => {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    },
  );
  route.variables?.({ params: Object.fromEntries(pathParams.map((p) => [p, 'x'])), query, body: {}, headers: {} });
  return [...read];
}

/** The error responses every route may give, each with the codes of its status (error-codes.ts). */
function errorResponses(): Record<string, Schema> {
  const byStatus = new Map<number, string[]>();
  for (const [code, { status }] of Object.entries(ERROR_CODES)) if (status >= 400) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, codes]) => [
      String(status),
      { description: `Codes: ${codes.join(', ')}.`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } } },
    ]),
  );
}

/**
 * OpenAPI 3.1 for the REST adapter, made from the route table and the GraphQL types of each route's operation:
 * paths and methods, path and query parameters (the operation's variables), the body (the route's accepted
 * fields, typed by the operation's input), the success envelope (its `data` exactly as the route's `data`
 * shapes the operation's selection), the failure envelope with every code by status, and the token each route
 * asks for (its operation's rule). A route whose answer cannot be described fails the build, naming the route.
 */
export function buildOpenApi(schema: GraphQLSchema, routes: readonly AnyRestRoute[], version: string): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  const failures = errorResponses();
  for (const route of routes) {
    const operation = route.operation.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const variables = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, typeFromAST(schema, v.type as never) as GraphQLInputType]));
    const pathParams = paramsOf(route.path);
    const input = variables.get('input');
    const inputType = input && getNamedType(input);
    const inputFields = inputType && isInputObjectType(inputType) ? inputType.getFields() : {};
    const bodyFields = route.bodyFields ?? [];
    const queryParams = queryParamsOf(route, pathParams).map((name) => [name, variables.get(name)] as const);
    const fragments: Fragments = new Map(route.operation.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d.selectionSet] as const] : [])));
    const success = route.redirect ? '302' : String(route.status ?? 200);
    const entry: Schema = {
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.message,
      description: `Runs the GraphQL operation \`${operation.name?.value}\`.`,
      security: securityOf(route, operation, fragments),
      parameters: [
        ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...queryParams.map(([name, type]) => ({ name, in: 'query', required: false, schema: type ? inputSchema(type) : { type: 'string' } })),
        ...(variables.has('idempotencyKey') || inputFields.idempotencyKey ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'A retry with the same key returns the first answer.' }] : []),
      ],
      responses: {
        [success]:
          success === '302'
            ? { description: 'Continue at the Location header.' }
            : enveloped(route.message, dataSchema(schema, route, operation, fragments)),
        ...failures,
      },
    };
    if (bodyFields.length) {
      const properties = Object.fromEntries(
        bodyFields.map((f) => [f, inputFields[f] ? inputSchema(inputFields[f].type) : variables.get(f) ? inputSchema(variables.get(f)!) : {}]),
      );
      const required = bodyFields.filter((f) => (inputFields[f] ? isNonNullType(inputFields[f].type) && inputFields[f].defaultValue === undefined : variables.has(f) && isNonNullType(variables.get(f)!)));
      entry.requestBody = {
        required: required.length > 0,
        content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) } } },
      };
    }
    (paths[pathOf(route.path)] ??= {})[route.method.toLowerCase()] = entry;
  }
  for (const [path, ops] of Object.entries(attachmentPaths(failures))) Object.assign((paths[path] ??= {}), ops);
  return {
    openapi: '3.1.0',
    info: { title: 'incident-desk REST API', version, description: 'The documented /api/v1 routes; each runs a GraphQL operation of /graphql. Every answer is the envelope below.' },
    paths,
    components: {
      securitySchemes: {
        staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff access token: `data.accessToken` of POST /api/v1/auth/login.' },
        portalBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A portal access token: `data.accessToken` of POST /api/v1/portal/auth/login or /api/v1/customer/login. A token of the other kind is refused (403).',
        },
      },
      schemas: {
        FieldError: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: Object.keys(ERROR_CODES) }, field: { type: 'string' }, message: { type: 'string' } } },
        Success: { type: 'object', required: ['success', 'message', 'data'], properties: { success: { const: true }, message: { type: 'string' }, data: {} } },
        Failure: { type: 'object', required: ['success', 'message', 'errors'], properties: { success: { const: false }, message: { type: 'string' }, errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } } },
      },
    },
  };
}

const ATTACHMENT: Schema = {
  type: 'object',
  required: ['id', 'incidentId', 'updateId', 'fileName', 'contentType', 'size', 'sha256', 'createdAt', 'downloadUrl'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    incidentId: { type: 'string', format: 'uuid' },
    updateId: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }], description: 'The update (comment) it hangs on; null: the ticket itself.' },
    fileName: { type: 'string', description: 'Sanitised: no path, no control characters, at most 200 characters.' },
    contentType: { type: 'string', description: 'Sniffed from the bytes at upload, never the one the client declared.' },
    size: { type: 'integer' },
    sha256: { type: 'string', description: 'Hex SHA-256 of the bytes.' },
    createdAt: { type: 'string', format: 'date-time' },
    downloadUrl: { type: 'string', description: 'This door\'s download route for it.' },
  },
};
const ATTACHMENT_LIST: Schema = exactObject({ attachments: { type: 'array', items: ATTACHMENT } });
const enveloped = (description: string, data: Schema): Schema => ({
  description,
  content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Success' }, { type: 'object', properties: { data } }] } } },
});

/**
 * The attachment routes (rest/attachments.ts): not rows of the route table, as a file streams through them,
 * so described here: the multipart upload, the list, the download (the file's bytes) and the delete.
 */
function attachmentPaths(failures: Record<string, Schema>): Record<string, Record<string, Schema>> {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const r of ATTACHMENT_ROUTES) {
    const one = r.path.endsWith(':attachmentId');
    const parameters: Schema[] = paramsOf(r.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const base = { operationId: `${r.method.toLowerCase()}${r.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_: string, c: string | undefined) => (c ?? '').toUpperCase())}`, security: SECURITY[ATTACHMENT_DOORS[r.door].kind === 'staff' ? 'staff' : 'customer'] };
    let entry: Schema;
    if (r.action === 'upload') {
      entry = {
        ...base,
        summary: 'Attach files',
        description:
          'Uploads one or more files (`multipart/form-data`, streamed: up to `ATTACHMENT_MAX_BYTES` each, whatever `BODY_LIMIT_BYTES`). ' +
          'The content type is sniffed from the bytes; executables and scripts are refused (415 `ATTACHMENT_TYPE_REFUSED`). ' +
          'With `Idempotency-Key`, a retry of the same upload answers with the first one\'s files and stores nothing. A refused upload stores nothing.',
        parameters: [...parameters, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'A retry with the same key returns the first answer.' }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  updateId: { type: 'string', format: 'uuid', description: 'The update (comment) the files hang on, sent before the files; staff: any update of the incident, a customer: a comment of their own.' },
                  file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'One part per file, at most `ATTACHMENT_MAX_FILES`.' },
                },
              },
              encoding: { file: { contentType: 'application/octet-stream' } },
            },
          },
        },
        responses: { '201': enveloped('Files attached.', ATTACHMENT_LIST), ...failures },
      };
    } else if (r.action === 'delete') {
      entry = { ...base, summary: 'Delete an attachment', parameters, responses: { '200': enveloped('Attachment deleted.', exactObject({ id: { type: 'string', format: 'uuid' } })), ...failures } };
    } else if (one) {
      entry = {
        ...base,
        summary: 'Download an attachment',
        description: 'The file itself, as a download (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, a sandboxing CSP). An attachment the caller may not see answers 404 `ATTACHMENT_NOT_FOUND`, like a missing one.',
        parameters,
        responses: {
          '200': {
            description: 'The file\'s bytes, streamed, with the content type sniffed at upload.',
            headers: {
              'Content-Disposition': { schema: { type: 'string' }, description: 'Always `attachment; filename="…"; filename*=UTF-8\'\'…`: a download, never shown inline.' },
              'X-Content-Type-Options': { schema: { type: 'string', const: 'nosniff' } },
              'Content-Security-Policy': { schema: { type: 'string', const: "sandbox; default-src 'none'" } },
              'Cache-Control': { schema: { type: 'string', const: 'private, no-store' } },
              'Content-Length': { schema: { type: 'integer' }, description: 'The size in bytes.' },
            },
            // Any type: the one sniffed at upload (text/html and image/svg+xml included, served as downloads only).
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
          ...failures,
        },
      };
    } else {
      entry = { ...base, summary: 'List attachments', description: 'The attachments of the ticket the caller may see.', parameters, responses: { '200': enveloped('Attachments retrieved.', ATTACHMENT_LIST), ...failures } };
    }
    (paths[pathOf(r.path)] ??= {})[r.method.toLowerCase()] = entry;
  }
  return paths;
}
