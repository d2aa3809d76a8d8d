import type { Response } from 'express';

/** One server-sent event: optional id, the event name, the data as one line of JSON. */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id.replace(/[\r\n]/g, '')}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * An open `text/event-stream` response: writes events, a comment line every `heartbeatMs` so proxies
 * keep it open, and runs `onClose` once, whether the server ends it or the client goes away.
 */
export class SseConnection {
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly res: Response,
    heartbeatMs: number,
    private readonly onClose: () => void,
  ) {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    this.heartbeat = setInterval(() => this.comment('heartbeat'), heartbeatMs);
    res.on('close', () => this.close());
  }

  get open(): boolean {
    return !this.closed;
  }

  send(event: string, data: unknown, id?: string): void {
    if (!this.closed) this.res.write(sseFrame(event, data, id));
  }

  comment(text: string): void {
    if (!this.closed) this.res.write(`: ${text.replace(/[\r\n]/g, ' ')}\n\n`);
  }

  end(): void {
    if (this.closed) return;
    this.close();
    this.res.end();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.onClose();
  }
}
