import { getBOMEncoding, labelToName, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding-lite.js';

/**
 * Bytes to text, choosing the encoding in the WHATWG order (https://encoding.spec.whatwg.org/#decode and the HTML
 * "determining the character encoding" steps): a byte-order mark first, then the HTTP `charset`, then the document's
 * own declaration (`<?xml encoding="…"?>` or `<meta charset>` in the first kilobyte), else UTF-8. Older force and
 * council feeds still declare ISO-8859-1 / windows-1252 in the XML prolog only.
 *
 * Decoding uses `@exodus/bytes`, a WHATWG-conformant decoder: Node 20's own TextDecoder maps bytes 0x80–0x9F of
 * windows-1252 (and its aliases iso-8859-1, latin1, us-ascii) to C1 controls instead of “ ” ‘ ’ – — € …, which
 * browsers never do. Labels the standard does not know, and the multi-byte CJK encodings left out of the lite build,
 * fall back to UTF-8. Never throws.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  return decodeBodyWithEncoding(bytes, contentType).text;
}

/** As decodeBody, also naming the encoding used (the WHATWG name, e.g. "windows-1252") and what decided it. */
export function decodeBodyWithEncoding(
  bytes: Uint8Array,
  contentType: string | undefined,
): { text: string; encoding: string; decidedBy: 'bom' | 'http' | 'document' | 'default' } {
  const bom = getBOMEncoding(bytes);
  const fromHttp = usable(charsetFromContentType(contentType));
  const fromDocument = bom === null && fromHttp === null ? usable(charsetFromDocument(bytes)) : null;
  const encoding = bom ?? fromHttp ?? fromDocument ?? 'utf-8';
  const decidedBy = bom !== null ? 'bom' : fromHttp !== null ? 'http' : fromDocument !== null ? 'document' : 'default';
  try {
    // The decoder strips a BOM that matches its encoding, as a browser does.
    return { text: new WhatwgTextDecoder(encoding).decode(bytes), encoding, decidedBy };
  } catch {
    return { text: new WhatwgTextDecoder('utf-8').decode(bytes), encoding: 'utf-8', decidedBy: 'default' };
  }
}

/** The WHATWG name for a label, or null for an unknown one; a document's "utf-16" in ASCII bytes is read as UTF-8. */
function usable(label: string | undefined): string | null {
  if (label === undefined) return null;
  const name = labelToName(label);
  if (name === null || name === 'replacement') return null;
  return name;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function charsetFromDocument(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a feed realistically uses; read it byte for byte.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const declared =
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  // Bytes that carry an ASCII declaration are not UTF-16, whatever they say (HTML's prescan rule).
  return declared !== undefined && /^utf-16/i.test(declared) ? 'utf-8' : declared;
}
