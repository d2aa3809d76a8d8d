import type { Test } from 'supertest';

/** A supertest parser keeping a binary answer (a ZIP, a PDF) as one Buffer in `res.body`. */
export const binaryBody: Parameters<Test['parse']>[0] = (res, done) => {
  const parts: Buffer[] = [];
  res.on('data', (chunk: Buffer) => parts.push(chunk)).on('end', () => done(null, Buffer.concat(parts)));
};
