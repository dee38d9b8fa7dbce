export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

/**
 * Reads a response body chunk by chunk and cancels the stream as soon as it passes `maxBytes`, so a 50 MB (or
 * endless) body costs at most the cap plus one chunk. Content-Length is checked first but never trusted alone.
 * `counter.bytes` reports what was actually read, also when this throws.
 */
export async function readBodyCapped(
  response: Response,
  maxBytes: number,
  counter: { bytes: number },
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, `declared ${declared} bytes`);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    counter.bytes += value.byteLength;
    if (counter.bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, `stopped reading after ${counter.bytes} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(counter.bytes);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number, detail: string): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `response too large: over the ${formatBytes(maxBytes)} limit (${detail})`,
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
