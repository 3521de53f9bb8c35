/** One server-sent event as a browser's EventSource would see it; comments (heartbeats) are kept apart. */
export type SseFrame = { event: string; data: string } | { comment: string };

/** Reads an event stream frame by frame, with a timeout, so a test fails instead of hanging. */
export class SseReader {
  private buffer = "";
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  isDone = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async nextFrame(timeoutMs = 15_000): Promise<SseFrame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end !== -1) {
        const raw = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        if (raw.startsWith(":")) return { comment: raw.slice(1).trim() };
        const fields = Object.fromEntries(raw.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
        if (fields.retry && !fields.event) continue;
        return { event: fields.event ?? "message", data: fields.data ?? "" };
      }
      if (this.isDone) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no complete SSE frame within ${timeoutMs} ms (buffer: ${JSON.stringify(this.buffer)})`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`SSE read timed out after ${timeoutMs} ms`)), left)));
      const { done, value } = await Promise.race([this.reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (done) this.isDone = true;
      else this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next named event, skipping heartbeats; its data parsed as JSON. */
  async next<T = unknown>(event: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await this.nextFrame(Math.max(1, deadline - Date.now()));
      if (!frame) throw new Error(`stream ended before "${event}"`);
      if ("event" in frame && frame.event === event) return JSON.parse(frame.data) as T;
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}
