import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { UpstreamFile } from '../upstream/upstream.client';

export interface FileHeaders {
  contentType: string;
  /** the name the browser saves it under (made safe here) */
  fileName: string;
}

/** A name safe inside `filename="…"`: letters, digits, dot, dash and underscore; anything else becomes `_`. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Pipes a service's file to the client as it arrives (backpressure both ways, never held in memory), as
 * an attachment. Once the first byte is sent an error can only cut the response: the client sees an
 * incomplete download (no clean end), never a truncated file passed off as whole.
 */
export async function sendFile(res: Response, file: UpstreamFile, headers: FileHeaders, logger: Logger, context: object = {}): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', headers.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${safeFileName(headers.fileName)}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (file.contentLength !== undefined) res.setHeader('Content-Length', String(file.contentLength));
  try {
    await pipeline(file.body, res);
  } catch (err) {
    logger.warn({ msg: 'file download ended early', ...context, err: err instanceof Error ? err.message : String(err) });
    res.destroy();
  }
}
