import { count } from "drizzle-orm";
import { vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLogs, bookings, capacityUsages } from "@/db/schema";
import type { DatabaseKind } from "@/db/client";
import { useTestDatabase, type TestDatabase } from "./databases";
import { NOW } from "./fixtures";

const BASE = "http://antrean.test";

type RequestOptions = { lang?: "id" | "en"; ip?: string; headers?: Record<string, string> };

let ipCounter = 0;
/** A different client address per call, so tests only meet a rate limit when they mean to. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

function headersFor(options: RequestOptions, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  headers.set("x-forwarded-for", options.ip ?? freshIp());
  if (options.lang) headers.set("accept-language", options.lang === "en" ? "en-US,en;q=0.9" : "id-ID,id;q=0.9");
  for (const [k, v] of Object.entries(options.headers ?? {})) headers.set(k, v);
  return headers;
}

export function apiGet(path: string, options: RequestOptions = {}): Request {
  return new Request(BASE + path, { method: "GET", headers: headersFor(options) });
}

/** A JSON POST; a string body is sent as it is (for broken JSON), anything else is serialised. */
export function apiPost(path: string, body: unknown, options: RequestOptions = {}): Request {
  return new Request(BASE + path, {
    method: "POST",
    headers: headersFor(options, { "content-type": "application/json" }),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function refParams(reference: string) {
  return { params: Promise.resolve({ reference }) };
}

export type ApiResult = { status: number; text: string; json: Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string[]>; suggestedService?: string } }; headers: Headers };

export async function read(responsePromise: Promise<Response> | Response): Promise<ApiResult> {
  const response = await responsePromise;
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : {}, headers: response.headers };
}

/** Rows that a refused request must leave untouched. */
export async function countState(db: Database): Promise<{ bookings: number; audit: number; usages: number }> {
  const [[b], [a], [u]] = await Promise.all([
    db.select({ n: count() }).from(bookings),
    db.select({ n: count() }).from(auditLogs),
    db.select({ n: count() }).from(capacityUsages),
  ]);
  return { bookings: b!.n, audit: a!.n, usages: u!.n };
}

/**
 * Route handlers read the clock themselves, so API tests freeze Date (only Date: timers and I/O run) at
 * NOW, which fixes the booking window, and get a fresh database. Pair with `disposeApiTestDatabase`.
 */
export function useApiTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  return useTestDatabase(kind);
}

export async function disposeApiTestDatabase(testDb: TestDatabase): Promise<void> {
  await testDb.dispose();
  vi.useRealTimers();
}
