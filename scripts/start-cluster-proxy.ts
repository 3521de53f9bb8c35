import http from "node:http";

/**
 * The primary's HTTP queue (scripts/start-cluster.ts --proxy): clients connect to the primary, which sends
 * each request to the workers over at most `maxconn` kept-alive connections per worker and queues the rest
 * first come, first served — haproxy's `maxconn` + `timeout queue`, in Node. The workers then accept only
 * while those few connections open, never under load, so libuv's one accept per loop turn stops mattering.
 * Live streams (text/event-stream) get connections of their own: they would hold a slot for hours.
 */
export function startProxy(opts: { port: number; hostname?: string; upstreamPort: number; slots: number; queueSeconds: number }): http.Server {
  // Idle upstream sockets are closed by the agent before the worker's keep-alive timeout (passed to `next
  // start` as --keepAliveTimeout) would close them under it.
  const queued = new http.Agent({ keepAlive: true, maxSockets: opts.slots, maxFreeSockets: opts.slots, timeout: 30_000 });
  const streams = new http.Agent({ keepAlive: false });
  const server = http.createServer((req, res) => {
    const isStream = (req.headers.accept ?? "").includes("text/event-stream");
    const headers = { ...req.headers };
    delete headers.connection;
    delete headers["keep-alive"];
    // The bench sends its own X-Forwarded-For (ANTREAN_TRUST_PROXY=1), as through the nginx and haproxy
    // fronts; a direct client gets its address.
    headers["x-forwarded-for"] ??= req.socket.remoteAddress ?? "";
    const upstream = http.request({ host: "127.0.0.1", port: opts.upstreamPort, method: req.method, path: req.url, headers, agent: isStream ? streams : queued });
    const queueTimer = setTimeout(() => {
      upstream.destroy();
      if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain", "retry-after": "5" });
      res.end("busy, try again\n");
    }, opts.queueSeconds * 1000);
    upstream.once("socket", () => clearTimeout(queueTimer));
    let answered: http.IncomingMessage | undefined;
    upstream.on("response", (answer) => {
      answered = answer;
      if (res.destroyed) return void answer.resume();
      const out = { ...answer.headers };
      delete out.connection;
      delete out["keep-alive"];
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      clearTimeout(queueTimer);
      if (res.destroyed || res.writableEnded) return;
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end();
    });
    // A client that leaves while its request is still queued: the request is dropped (haproxy's
    // `abortonclose`), or the next wrk run, or the next wave of phones, waits behind requests no one reads.
    // Once sent, it runs to the end and its answer is read and dropped, so the connection stays in the pool;
    // a live stream never ends, so it is cut.
    let sent = false;
    upstream.once("socket", () => (sent = true));
    res.on("close", () => {
      clearTimeout(queueTimer);
      if (res.writableFinished) return;
      if (isStream || !sent) upstream.destroy();
      else answered?.resume();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(opts.port, opts.hostname);
  return server;
}
