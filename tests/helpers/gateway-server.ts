import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type GatewayReply = 200 | 400 | 500 | 503 | "timeout" | "status-false";
export type GatewayRequest = { auth: string | undefined; body: { to: string; text: string; idempotencyKey: string; reference: string } };

/**
 * A stand-in for the office's WhatsApp gateway on a free loopback port. Each idempotency key follows its
 * own script of replies (the last one repeats). Like a provider that honours the key, a repeated key
 * after an accepted send is answered 200 with the first message id and is not delivered again. With
 * `token`, a request without that Bearer token is answered 401 (and does not count as a try).
 */
export async function startGateway(script: (key: string) => GatewayReply[], options: { delayMs?: number; token?: string } = {}) {
  const requests: GatewayRequest[] = [];
  const accepted = new Map<string, number>();
  const delivered = new Set<string>();
  const tries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => setTimeout(answer, options.delayMs ?? 0));
    const answer = () => {
      const body = JSON.parse(raw) as GatewayRequest["body"];
      requests.push({ auth: req.headers.authorization, body });
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return void res.writeHead(401, { "content-type": "application/json" }).end('{"error":"unauthorized"}');
      const key = body.idempotencyKey;
      const n = tries.get(key) ?? 0;
      tries.set(key, n + 1);
      const replies = script(key);
      const reply = replies[Math.min(n, replies.length - 1)]!;
      if (reply === "timeout") return; // never answer: the client's time-out must fire
      if (reply === "status-false") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: false, reason: "device disconnected" }));
      if (reply !== 200) return void res.writeHead(reply, { "content-type": "application/json" }).end(JSON.stringify({ error: `scripted ${reply}` }));
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      delivered.add(key);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `wamid-${key.length}-${n}` }));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    /** 200 answers per key: more than one means the worker sent a message it already had an answer for. */
    accepted,
    /** Keys that reached a phone: once each, since the provider deduplicates by key. */
    delivered,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
