import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { HttpError } from './http-error.ts';
import type { Log } from './relay-deps.ts';
import { QuotaExceeded } from './store/store.ts';

/** The one error shape of the API: `{"error":{"code","message"}}`, the message naming the field at fault. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  parentSchema?: { description?: string };
}

/** "/records/0/hlc" → "records[0].hlc"; the request part (body, query, params) is dropped when a field is named. */
function fieldName(path: string, context: string): string {
  const parts = path.split('/').filter(Boolean).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return context === 'querystring' ? 'query' : context;
  return parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The first schema failure as "field: what it must be". */
export function describeValidation(errors: readonly SchemaError[], context: string): string {
  const required = errors.find((error) => error.keyword === 'required');
  if (required && errors.indexOf(required) === 0) {
    const missing = String(required.params.missingProperty ?? '');
    return `${fieldName(`${required.instancePath}/${missing}`, context)}: is required`;
  }
  const described = errors.find((error) => error.parentSchema?.description) ?? errors[0];
  if (!described) return `${context}: is not valid`;
  return `${fieldName(described.instancePath, context)}: ${described.parentSchema?.description ?? described.message ?? 'is not valid'}`;
}

const QUOTA_WORDS: Record<QuotaExceeded['quota'], string> = {
  bytes: 'records: this circle has used its storage quota',
  records: 'records: this circle has stored as many records as it may',
  devices: 'inviteToken: this circle already has as many devices as it may; remove one first',
  alertsPerHour: 'ciphertext: this circle has sent as many alerts as it may this hour',
  pendingInvites: 'invites: this circle has as many unused invites as it may; cancel one first',
};

/** fastify's error handler: every error, the framework's own included, leaves as the envelope. */
export function errorHandler(log: Log, bodyLimitBytes: number) {
  return (error: FastifyError | HttpError | QuotaExceeded, request: FastifyRequest, reply: FastifyReply): void => {
    if (error instanceof HttpError) {
      reply.code(error.status).headers(error.headers).send(errorBody(error.code, error.message));
      return;
    }
    if (error instanceof QuotaExceeded) {
      const message = `${QUOTA_WORDS[error.quota]} (${error.limit})`;
      if (error.retryAfterSeconds !== undefined) {
        reply.code(429).header('retry-after', String(error.retryAfterSeconds)).send(errorBody('quota_exceeded', `${message}; retry in ${error.retryAfterSeconds} s`));
      } else reply.code(413).send(errorBody('quota_exceeded', message));
      return;
    }
    const status = error.statusCode ?? 500;
    if (error.validation) {
      reply.code(400).send(errorBody('invalid_input', describeValidation(error.validation as SchemaError[], error.validationContext ?? 'body')));
    } else if (status === 413) {
      reply.code(413).send(errorBody('body_too_large', `body: larger than ${bodyLimitBytes} bytes`));
    } else if (status === 415) {
      reply.code(415).send(errorBody('unsupported_media_type', 'content-type: send application/json'));
    } else if (status === 400) {
      reply.code(400).send(errorBody('invalid_input', `body: ${error.message}`));
    } else if (status < 500) {
      reply.code(status).send(errorBody(error.code ?? 'bad_request', error.message));
    } else if (isDatabaseUnavailable(error)) {
      log({ level: 'error', msg: 'database unavailable', route: request.routeOptions.url, error: error.message });
      reply.code(503).header('retry-after', '5').send(errorBody('unavailable', 'the database did not answer in time; nothing was saved from this request, try again'));
    } else {
      log({ level: 'error', msg: 'unhandled', route: request.routeOptions.url, error: error.message });
      reply.code(500).send(errorBody('internal', 'the relay failed; nothing was saved from this request'));
    }
  };
}

/** A statement or lock timeout, a pool that could not hand out a connection, or a database that is down. */
export function isDatabaseUnavailable(error: { message?: string; code?: string }): boolean {
  return /^(57014|55P03|57P0[1-3]|08\d\d\d)$/.test(String(error.code ?? '')) ||
    /timeout exceeded when trying to connect|Query read timeout|Connection terminated|ECONNREFUSED|statement timeout|canceling statement/i.test(error.message ?? '');
}

/** Errors fastify raises before a route runs (a URL that does not decode): the envelope too. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
  const status = (error as FastifyError).statusCode ?? 400;
  const code = status === 414 ? 'uri_too_long' : 'invalid_input';
  const message = status === 414 ? 'url: a path part is too long' : `url: ${error.message}`;
  void (reply as FastifyReply).code(status).send(errorBody(code, message));
};
