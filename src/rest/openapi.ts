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
import { ATTACHMENT_ROUTES } from './attachments';
import type { AnyRestRoute } from './executor';

type Schema = Record<string, unknown>;

const SCALARS: Record<string, Schema> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
  DateTime: { type: 'string', format: 'date-time' },
  JSON: {},
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

/** What an operation's selection answers, as JSON Schema (the `data` of a route that answers its root field as is). */
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
      const field = fields[s.name.value];
      if (field && s.name.value !== '__typename') properties[s.alias?.value ?? s.name.value] = outputSchema(field.type, s.selectionSet, fragments);
    }
    return nullable({ type: 'object', properties });
  }
  if (isUnionType(named)) return nullable({ type: 'object' });
  return nullable(SCALARS[named.name] ?? { type: 'string' });
}

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

/** Whether the route answers its operation's root field as is: its `data` given a stand-in result returns the stand-in. */
function answersRootField(route: AnyRestRoute, field: string): boolean {
  const probe = Symbol('data');
  try {
    return route.data({ [field]: probe }) === probe;
  } catch {
    return false;
  }
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
 * fields, typed by the operation's input), the success envelope (its `data` typed by the operation's
 * selection where the route answers it as is) and the failure envelope with every code by status.
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
    const root = operation.selectionSet.selections.find((s) => s.kind === 'Field');
    const rootField = root?.kind === 'Field' ? root : undefined;
    const rootType = rootField ? (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType())?.getFields()[rootField.name.value] : undefined;
    const fragments: Fragments = new Map(route.operation.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d.selectionSet] as const] : [])));
    const data = rootField && rootType && answersRootField(route, rootField.alias?.value ?? rootField.name.value) ? outputSchema(rootType.type, rootField.selectionSet, fragments) : { type: 'object' };
    const success = route.redirect ? '302' : String(route.status ?? 200);
    const entry: Schema = {
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.message,
      description: `Runs the GraphQL operation \`${operation.name?.value}\`.`,
      security: [{}, { bearer: [] }],
      parameters: [
        ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...queryParams.map(([name, type]) => ({ name, in: 'query', required: false, schema: type ? inputSchema(type) : { type: 'string' } })),
        ...(variables.has('idempotencyKey') ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'A retry with the same key returns the first answer.' }] : []),
      ],
      responses: {
        [success]:
          success === '302'
            ? { description: 'Continue at the Location header.' }
            : { description: route.message, content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Success' }, { type: 'object', properties: { data } }] } } } },
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
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff or portal access token (login, portal login).' } },
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
const ATTACHMENT_LIST: Schema = { type: 'object', properties: { attachments: { type: 'array', items: ATTACHMENT } } };
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
    const base = { operationId: `${r.method.toLowerCase()}${r.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_: string, c: string | undefined) => (c ?? '').toUpperCase())}`, security: [{ bearer: [] }] };
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
      entry = { ...base, summary: 'Delete an attachment', parameters, responses: { '200': enveloped('Attachment deleted.', { type: 'object', properties: { id: { type: 'string' } } }), ...failures } };
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
