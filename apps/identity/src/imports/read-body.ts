import { Readable } from 'node:stream';
import { IDENTITY, IdentityError } from '../identity.errors';

/**
 * The whole body of an upload, read from the request stream and refused (IMPORT_TOO_LARGE) the moment
 * it passes `limit` bytes. Nothing past the limit is kept: the rest flows on into nothing (the stream is
 * not destroyed, which would reset the connection before the client reads the answer).
 */
export function readBody(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += part.length;
      if (size <= limit) return void parts.push(part);
      body.off('data', onData).off('end', onEnd);
      parts.length = 0;
      body.resume();
      reject(tooLarge(limit));
    };
    const onEnd = () => resolve(Buffer.concat(parts, size));
    body.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

export function tooLarge(limit: number): IdentityError {
  return new IdentityError(IDENTITY.IMPORT_TOO_LARGE, `the file is larger than ${limit / (1024 * 1024)} MiB`, 'file');
}
