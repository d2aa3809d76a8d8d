import { PassThrough, Readable } from 'node:stream';
import { readBody } from './read-body';

describe('readBody', () => {
  it('reads the whole body up to the limit', async () => {
    expect((await readBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4)).toString()).toBe('abcd');
  });

  it('refuses as soon as the limit is passed, keeps nothing more and drains the rest without destroying the stream', async () => {
    const body = new PassThrough();
    const read = readBody(body, 4);
    body.write(Buffer.from('abc'));
    body.write(Buffer.from('de'));
    await expect(read).rejects.toMatchObject({ code: 'IDENTITY.IMPORT_TOO_LARGE', field: 'file' });
    expect(body.destroyed).toBe(false); // destroying the request would reset the connection before the 413 is read
    expect(body.listenerCount('data')).toBe(0);
    body.write(Buffer.alloc(1 << 20)); // still flowing: the client's remaining bytes go nowhere
    body.end();
    await new Promise((resolve) => body.once('end', resolve));
  });
});
