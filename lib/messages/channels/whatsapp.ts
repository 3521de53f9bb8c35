import type { Channel, Outgoing, SendResult } from "./types";

export type GatewayConfig = { url: string; token: string; timeoutMs?: number };

/**
 * WhatsApp/SMS through the office's HTTP gateway, in Antrean's neutral contract: `POST <url>`,
 * `Authorization: Bearer <token>`, JSON `{ to, text, idempotencyKey, reference }`. Any 2xx is sent — unless
 * its JSON body says `"status": false` or `"ok": false`, as local gateways answer a failure with 200; 4xx is
 * a permanent refusal (a bad number), except 401/403 (the token) and 404/405 (the URL), which are Antrean's
 * own configuration and retried like 429, 5xx, network errors and time-outs. A provider with another shape sits
 * behind a small relay (README, "Messages").
 */
export function createGatewayChannel(config: GatewayConfig): Channel {
  return {
    name: "whatsapp",
    async send(message: Outgoing): Promise<SendResult> {
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${config.token}` },
          body: JSON.stringify({ to: message.to, text: message.text, idempotencyKey: message.idempotencyKey, reference: message.reference }),
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        return { ok: false, retry: true, error: timedOut ? "gateway timed out" : `gateway unreachable: ${errorText(error)}` };
      }
      const answer = (await response.text().catch(() => "")).slice(0, 500);
      const status = response.status;
      if (status >= 200 && status < 300) {
        const body = parseJson(answer);
        if (body && (body.status === false || body.ok === false)) {
          return { ok: false, retry: true, providerStatus: status, answer, error: `gateway refused: ${String(body.reason ?? body.error ?? "status false")}` };
        }
        const id = body?.id ?? body?.messageId ?? body?.message_id;
        return { ok: true, providerStatus: status, answer, providerMessageId: id === undefined ? undefined : String(id) };
      }
      const configuration = CONFIGURATION_FAULTS[status];
      return { ok: false, retry: Boolean(configuration) || status >= 500 || status === 429, providerStatus: status, answer, error: `gateway answered HTTP ${status}`, configuration };
    },
  };
}

/** Answers that say the office's gateway settings are wrong, not the number. */
const CONFIGURATION_FAULTS: Partial<Record<number, string>> = {
  401: "the gateway refused the token (HTTP 401): check ANTREAN_WA_GATEWAY_TOKEN",
  403: "the gateway refused the token (HTTP 403): check ANTREAN_WA_GATEWAY_TOKEN",
  404: "the gateway has no such address (HTTP 404): check ANTREAN_WA_GATEWAY_URL",
  405: "the gateway has no such address (HTTP 405): check ANTREAN_WA_GATEWAY_URL",
};

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return (error instanceof Error ? error.message : String(error)) + cause;
}
