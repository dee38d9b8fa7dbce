/** An error a client caused or must know about; becomes `{"error":{"code","message"}}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string): HttpError => new HttpError(400, 'invalid_input', `${field}: ${message}`);
