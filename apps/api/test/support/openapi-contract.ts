import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Express, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createOpenApiDocument } from '../../src/common/openapi';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Where the document's component schemas live for Ajv (a name, never fetched). */
const COMPONENTS = 'https://profmonitor.local/openapi/components/';

interface Operation {
  method: string;
  path: string;
  pattern: RegExp;
  responses: OperationObject['responses'];
}

/**
 * The OpenAPI document as a contract the HTTP tests check: every answer of an operation the
 * document lists must be documented for its status, and a JSON answer must match the schema
 * documented for it. Answers to addresses the document does not list (an unknown route, the web
 * app's files) are not its business. Downloads are checked by their content type only.
 */
export class OpenApiContract {
  // Draft-07, the JSON Schema closest to OpenAPI 3.0's (which Ajv knows `nullable` of); the
  // document uses nothing on which they differ (such as a boolean exclusiveMinimum).
  private readonly ajv = new Ajv({ allErrors: true });
  private readonly operations: Operation[];
  private readonly validators = new Map<object, ValidateFunction>();
  /** Each violation once, with how many answers had it. */
  private readonly violations = new Map<string, number>();

  private constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addKeyword('example');
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      this.ajv.addSchema({ ...(jsonSchema(schema) as object), $id: COMPONENTS + name });
    }
    this.operations = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        METHODS.flatMap((method) => {
          const operation = item[method];
          return operation
            ? [
                {
                  method: method.toUpperCase(),
                  path,
                  pattern: pathPattern(path),
                  responses: operation.responses,
                },
              ]
            : [];
        }),
      )
      // A literal segment wins over a parameter (/api/indicators/definitions over /{id}).
      .sort((a, b) => a.path.split('{').length - b.path.split('{').length);
  }

  /** Checks every answer `app` gives from now on (install before the app is initialised). */
  static watch(app: INestApplication): OpenApiContract {
    const contract = new OpenApiContract(createOpenApiDocument(app));
    // Bodies are taken where Express turns them into JSON: before compression, after every
    // filter and middleware that answers errors.
    const bodies = new WeakMap<ServerResponse, unknown>();
    const { response } = app.getHttpAdapter().getInstance() as Express;
    const json = response.json;
    response.json = function (this: Response, body: unknown) {
      bodies.set(this, body);
      return json.call(this, body);
    };
    const server = app.getHttpServer() as Server;
    // First of the server's listeners, so that even an answer sent before routing is seen.
    server.prependListener('request', (request: IncomingMessage, answer: ServerResponse) => {
      const method = request.method ?? 'GET';
      const path = (request.url ?? '/').split('?')[0];
      answer.on('finish', () => {
        try {
          contract.check(method, path, answer, bodies.has(answer) ? { json: bodies.get(answer) } : undefined);
        } catch (error) {
          contract.violation(`${method} ${path}: the check failed: ${(error as Error).message}`);
        }
      });
    });
    return contract;
  }

  /** Throws, listing them, when any answer so far broke the contract. */
  assertKept(): void {
    if (this.violations.size === 0) return;
    const lines = [...this.violations].map(([text, count]) => `- ${text}${count > 1 ? ` (×${count})` : ''}`);
    throw new Error(`Answers that do not match the OpenAPI document:\n${lines.join('\n')}`);
  }

  private check(method: string, path: string, answer: ServerResponse, body: { json: unknown } | undefined) {
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) return;
    const status = answer.statusCode;
    const where = `${method} ${operation.path} → ${status}`;
    const documented = operation.responses[status] as ResponseObject | undefined;
    if (!documented) return this.violation(`${where}: the status is not documented`);
    const type = String(answer.getHeader('content-type') ?? '').split(';')[0];
    if (body) {
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) return this.violation(`${where}: a JSON answer, documented without a JSON schema`);
      const validate = this.validator(schema);
      if (!validate(body.json)) this.violation(`${where}: ${describe(validate.errors ?? [])}`);
    } else if (type && !documented.content?.[type]) {
      this.violation(
        `${where}: answers ${type}, documented as ${Object.keys(documented.content ?? {}).join(', ') || 'no content'}`,
      );
    } else if (!type && documented.content) {
      this.violation(`${where}: answers nothing, documented with a body`);
    }
  }

  private validator(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) this.validators.set(schema, (validate = this.ajv.compile(jsonSchema(schema) as object)));
    return validate;
  }

  private violation(text: string): void {
    this.violations.set(text, (this.violations.get(text) ?? 0) + 1);
  }
}

/** Ajv's errors, each said once for all items of an array (`body/1/target` and `body/2/target` alike). */
function describe(errors: ErrorObject[]): string {
  const texts = errors.map(({ instancePath, message, params }) => {
    const detail: unknown = params.additionalProperty ?? params.allowedValues;
    return `body${instancePath.replace(/\/\d+/g, '/*')}: ${message}${detail === undefined ? '' : ` (${JSON.stringify(detail)})`}`;
  });
  return [...new Set(texts)].join('; ');
}

/** `/api/uploads/{id}` as a pattern of request paths. */
function pathPattern(path: string): RegExp {
  const parts = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
}

/**
 * An OpenAPI 3.0 schema as Ajv checks it:
 * - `$ref`s point to the components added to Ajv;
 * - `nullable` beside a composition (Nest's nullable `$ref`: `{nullable, allOf: [$ref]}`) lets
 *   null through, as OpenAPI tools read it; Ajv reads `nullable` only as a `type` that may be null
 *   (so an enum must list null itself, as OpenAPI 3.0.3 says);
 * - objects are closed: a field the document does not name is a violation, since a client
 *   generated from the document would not know it. The partial schemas of an `allOf` stay open.
 */
function jsonSchema(schema: unknown, partOfAllOf = false): unknown {
  if (!isRecord(schema)) return schema;
  // Extensions (Nest's x-enumNames) are not JSON Schema.
  const converted = Object.fromEntries(Object.entries(schema).filter(([key]) => !key.startsWith('x-')));
  if (typeof schema.$ref === 'string') converted.$ref = COMPONENTS + schema.$ref.split('/').pop();
  if (isRecord(schema.properties)) {
    converted.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, jsonSchema(property)]),
    );
    if (schema.additionalProperties === undefined && !partOfAllOf) converted.additionalProperties = false;
  }
  if (isRecord(schema.additionalProperties))
    converted.additionalProperties = jsonSchema(schema.additionalProperties);
  if (schema.items) converted.items = jsonSchema(schema.items);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[keyword];
    if (Array.isArray(parts)) converted[keyword] = parts.map((part) => jsonSchema(part, keyword === 'allOf'));
  }
  if (schema.nullable === true && (schema.allOf || schema.oneOf || schema.anyOf || schema.$ref)) {
    const { nullable: _, ...rest } = converted;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return converted;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
