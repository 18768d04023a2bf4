// The LSP base protocol's framing (`Content-Length: N\r\n\r\n` then N bytes of JSON), shared
// by the tests' client (test/lsp.test.ts) and the bench's (bench/lsp.ts). It only frames:
// every message read is handed on, in order, and what a client keeps or waits for is its own.

/** One message in LSP framing (several may go in one write, as a busy editor sends them). */
export function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Reads framed messages from chunks of a stream, however the chunks cut them. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly deliver: (message: unknown) => void) {}

  /** Takes one chunk and hands on every message it completes, none dropped. */
  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const length = /Content-Length: (\d+)/i.exec(header);
      if (!length) throw new Error(`a frame without Content-Length: ${JSON.stringify(header)}`);
      const start = end + 4;
      const stop = start + Number(length[1]);
      if (this.buffer.length < stop) return;
      const message = JSON.parse(this.buffer.subarray(start, stop).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(stop);
      this.deliver(message);
    }
  }
}
