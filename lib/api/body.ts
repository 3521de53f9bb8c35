import { AppError } from "../errors";
import type { MessageKey } from "../i18n/messages";

/** Every request body of the API fits easily; anything bigger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

function invalidBody(key: MessageKey): AppError {
  return new AppError("validation", key, { fields: {} });
}

/**
 * The request's JSON object, read with a size cap. Wrong content type, oversized, undecodable or
 * non-object bodies are 422s: the caller sent bad input, which is never a 500.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") throw invalidBody("api.error.contentType");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw invalidBody("error.bodyTooLarge");

  const bytes = await readCapped(request.body, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw invalidBody("error.badJson");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidBody("api.error.notObject");
  return value as Record<string, unknown>;
}

/** Reads the stream but stops as soon as it passes `max`, since Content-Length may be absent or wrong. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw invalidBody("error.bodyTooLarge");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
