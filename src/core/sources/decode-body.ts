/**
 * Bytes to text. The charset comes from Content-Type, else from the document's own declaration
 * (`<?xml encoding="…"?>` or `<meta charset="…">` in the first kilobyte), else a byte-order mark, else UTF-8.
 * Older force and council feeds still declare ISO-8859-1 / windows-1252 in the XML prolog only.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const label = charsetFromContentType(contentType) ?? charsetFromBom(bytes) ?? charsetFromDocument(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function charsetFromDocument(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a feed realistically uses; latin1 reads it byte for byte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return (
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}
