import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import {
  ApiExtraModels,
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type {
  OperationObject,
  ResponseObject,
  ResponsesObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_ERRORS, type ApiErrorCode } from '@profmonitor/domain';
import { ACCESS, ALL_ROLES, type AccessRule } from '../accounts/access.decorators';
import { SESSION_COOKIE } from '../accounts/sessions.service';
import { ErrorDto } from './error.dto';

// The OpenAPI document (served at /api/docs, written by `npm run openapi`, checked by the HTTP
// tests against every answer). Nest's decorators give the shapes; what the code already says
// elsewhere — who may call an operation, what input it reads, how it answers errors — is added
// here instead of being repeated on every endpoint.

/** The security scheme of the session cookie. */
export const SESSION_SCHEME = 'session';

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('ПрофМонитор API')
    .setDescription(
      'Monitoring of students’ professional self-determination: reports, indicators, targets.\n\n' +
        'Every error answers `{statusCode, code, message}` (ErrorDto); `code` is one of a closed ' +
        'set, and each operation lists the codes it may answer with.',
    )
    .setVersion('0.1.0')
    .addServer('/', 'The server that serves this document')
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'Set by POST /api/auth/login (httpOnly)' },
      SESSION_SCHEME,
    )
    .build();
}

/** The document of an application (created, not necessarily listening). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const handlers = routeHandlers(app);
  assertUniqueModelNames([...handlers.values()]);
  const document = SwaggerModule.createDocument(app, openApiConfig(), { extraModels: [ErrorDto] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const route = handlers.get(operation.operationId ?? '');
      if (!route) throw new Error(`OpenAPI: ${where} has no handler`);
      completeOperation(operation, route, where);
    }
  }
  return document;
}

const ERRORS_METADATA = 'profmonitor:api-errors';

interface DeclaredErrors {
  codes: readonly ApiErrorCode[];
  /** The body of these errors, when it carries details beside the message (ErrorDto's subclasses). */
  body?: Type<ErrorDto>;
}

/**
 * The errors an endpoint answers with besides those every endpoint of its kind has (see
 * DEFAULT_ERRORS): codes of API_ERRORS, documented by their status. A last `{ body }` names the
 * body of these codes when it carries more than ErrorDto (an import's result).
 */
export function ApiErrors(
  ...args: ApiErrorCode[] | [...ApiErrorCode[], { body: Type<ErrorDto> }]
): MethodDecorator {
  const last = args.at(-1);
  const body = typeof last === 'object' ? last.body : undefined;
  const codes = args.filter((arg): arg is ApiErrorCode => typeof arg === 'string');
  return (target, key, descriptor) => {
    const declared: DeclaredErrors[] = Reflect.getMetadata(ERRORS_METADATA, descriptor.value as object) ?? [];
    Reflect.defineMetadata(ERRORS_METADATA, [...declared, { codes, body }], descriptor.value as object);
    if (body) ApiExtraModels(body)(target, key, descriptor);
  };
}

/** What an operation is, as far as the errors it may answer with go. */
interface OperationFacts {
  rule: AccessRule;
  writes: boolean;
  parameters: boolean;
  json: boolean;
  multipart: boolean;
}

/** The errors of every operation of a kind, by where they come from. */
const DEFAULT_ERRORS: { when: (operation: OperationFacts) => boolean; codes: ApiErrorCode[] }[] = [
  // ApiExceptionFilter: whatever else goes wrong.
  { when: () => true, codes: ['internal'] },
  // SessionGuard: an endpoint for signed-in accounts, or for some roles only.
  { when: ({ rule }) => 'roles' in rule, codes: ['not_signed_in'] },
  {
    when: ({ rule }) => 'roles' in rule && ALL_ROLES.some((role) => !rule.roles.includes(role)),
    codes: ['role_forbidden'],
  },
  // sameOriginWrites refuses forged writes; writeTransaction gives up on a busy database (every
  // write records an audit entry through it).
  { when: ({ writes }) => writes, codes: ['foreign_origin', 'database_busy'] },
  // The ValidationPipe (DTOs) and ParseIntPipe.
  { when: ({ parameters, json }) => parameters || json, codes: ['invalid_parameters'] },
  // The JSON body parser and ContentTypeGuard.
  {
    when: ({ json }) => json,
    codes: ['malformed_json', 'payload_too_large', 'unsupported_media_type', 'unsupported_encoding'],
  },
  // ContentTypeGuard and multer.
  {
    when: ({ multipart }) => multipart,
    codes: [
      'not_multipart',
      'file_missing',
      'file_field',
      'file_incomplete',
      'upload_form_invalid',
      'file_too_large',
    ],
  },
];

interface RouteHandler {
  controller: Type<unknown>;
  key: string;
  handler: (...args: unknown[]) => unknown;
}

/** Every route handler of the application, by the operationId Nest's document gives it. */
function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const controller = metatype as Type<unknown>;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value;
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        handlers.set(`${controller.name}_${key}`, { controller, key, handler });
      }
    }
  }
  return handlers;
}

/**
 * Nest names a schema by its class and keeps the last class of a name: two DTOs of one name
 * would document one of them twice, silently. Every class a handler takes or answers with, and
 * every class their properties hold, must have a name of its own.
 */
function assertUniqueModelNames(handlers: RouteHandler[]) {
  const byName = new Map<string, unknown>();
  const visit = (type: unknown): void => {
    if (Array.isArray(type)) return type.forEach(visit);
    if (typeof type !== 'function') return;
    // A lazy type (`type: () => Dto`) is an arrow function: it has no prototype.
    if (!type.prototype) return visit((type as () => unknown)());
    const properties: string[] =
      Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) ?? [];
    if (properties.length === 0 || byName.get(type.name) === type) return;
    if (byName.has(type.name)) throw new Error(`OpenAPI: two classes are named ${type.name}; rename one`);
    byName.set(type.name, type);
    for (const property of properties) {
      visit(Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, property.slice(1))?.type);
    }
  };
  for (const { controller, key, handler } of handlers) {
    const responses: Record<string, { type?: unknown }> =
      Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {};
    Object.values(responses).forEach((response) => visit(response.type));
    visit(Reflect.getMetadata('design:paramtypes', controller.prototype, key));
    visit(Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, handler));
  }
}

function completeOperation(operation: OperationObject, { controller, handler }: RouteHandler, where: string) {
  const rule: AccessRule | undefined =
    Reflect.getMetadata(ACCESS, handler) ?? Reflect.getMetadata(ACCESS, controller);
  if (!rule) throw new Error(`OpenAPI: ${where} has no access rule (@Public, @Allow, @SignedIn)`);
  operation.security = 'roles' in rule ? [{ [SESSION_SCHEME]: [] }] : [];
  documentSuccess(operation, handler, where);

  const requestBody =
    operation.requestBody && 'content' in operation.requestBody ? operation.requestBody : undefined;
  const facts: OperationFacts = {
    rule,
    writes: Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET,
    parameters: (operation.parameters ?? []).length > 0,
    json: !!requestBody?.content['application/json'],
    multipart: !!requestBody?.content['multipart/form-data'],
  };
  const declared: DeclaredErrors[] = [
    ...DEFAULT_ERRORS.filter(({ when }) => when(facts)),
    ...(Reflect.getMetadata(ERRORS_METADATA, handler) ?? []),
  ];
  operation.responses = byStatus({
    ...operation.responses,
    ...errorResponses(declared, operation.responses, where),
  });
}

/**
 * The success answer documented is the one Nest sends (@HttpCode, else 201 for POST and 200 for
 * the rest), with a schema: JSON by its DTO, a download (@ApiProduces) as binary.
 */
function documentSuccess(operation: OperationObject, handler: RouteHandler['handler'], where: string) {
  const status =
    Reflect.getMetadata(HTTP_CODE_METADATA, handler) ??
    (Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? 201 : 200);
  const documented = Object.keys(operation.responses).filter((key) => key.startsWith('2'));
  if (documented.join() !== String(status)) {
    throw new Error(
      `OpenAPI: ${where} answers ${status}, documented as ${documented.join(', ') || 'nothing'}`,
    );
  }
  const response = operation.responses[status] as ResponseObject;
  if (status === 204 || response.content) return;
  const produces: string[] | undefined = Reflect.getMetadata(DECORATORS.API_PRODUCES, handler);
  if (!produces) throw new Error(`OpenAPI: ${where} documents no schema for its ${status} answer`);
  response.content = Object.fromEntries(
    produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
  );
}

/**
 * One response per status: ErrorDto (or the body declared with the codes) with `statusCode`
 * and `code` narrowed to what this operation answers, and the codes listed with their messages.
 */
function errorResponses(
  declared: DeclaredErrors[],
  existing: ResponsesObject,
  where: string,
): ResponsesObject {
  // A code declared with a body of its own is documented with that body only.
  const bodies = new Map<ApiErrorCode, Type<ErrorDto>>();
  for (const { codes, body } of declared) {
    for (const code of codes) if (body || !bodies.has(code)) bodies.set(code, body ?? ErrorDto);
  }
  const statuses = new Map<number, Map<Type<ErrorDto>, ApiErrorCode[]>>();
  for (const [code, body] of bodies) {
    const status = API_ERRORS[code].status;
    const byBody = statuses.get(status) ?? new Map<Type<ErrorDto>, ApiErrorCode[]>();
    byBody.set(body, [...(byBody.get(body) ?? []), code]);
    statuses.set(status, byBody);
  }
  for (const status of Object.keys(existing)) {
    if (Number(status) >= 400 && !statuses.has(Number(status))) {
      throw new Error(`OpenAPI: ${where} documents a ${status} answer without its codes (@ApiErrors)`);
    }
  }
  const responses: ResponsesObject = {};
  for (const [status, byBody] of statuses) {
    const variants: SchemaObject[] = [...byBody].map(([body, codes]) => ({
      allOf: [
        { $ref: getSchemaPath(body) },
        {
          type: 'object',
          properties: {
            statusCode: { type: 'integer', enum: [status] },
            code: { type: 'string', enum: codes },
          },
        },
      ],
    }));
    const codes = [...byBody.values()].flat();
    const said = (existing[status] as ResponseObject | undefined)?.description;
    const list = codes.map((code) => `- \`${code}\`: ${API_ERRORS[code].message}`).join('\n');
    responses[status] = {
      ...existing[status],
      description: said ? `${said}\n\n${list}` : list,
      content: { 'application/json': { schema: variants.length === 1 ? variants[0] : { oneOf: variants } } },
    };
  }
  return responses;
}

function byStatus(responses: ResponsesObject): ResponsesObject {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
