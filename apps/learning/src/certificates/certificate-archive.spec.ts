import { PassThrough, Readable, Writable } from 'node:stream';
import yauzl from 'yauzl';
import { CertificateArtifactDoc, CertificateDoc } from './certificate';
import { CertificateArchive } from './certificate-archive';
import { CertificatePdfs } from './certificate-pdfs';
import { CertificatesRepository } from './certificates.repository';
import { certificate } from './test-certificates';

function setup(rows: Pick<CertificateArtifactDoc, 'userId' | 'certificateIds'>[], docs: CertificateDoc[], opened: string[] = []) {
  const cursor = {
    closed: false,
    async *[Symbol.asyncIterator]() {
      yield* rows;
    },
    async close() {
      cursor.closed = true;
    },
  };
  const repository = {
    artifactCursor: () => cursor,
    findOne: async (_t: string, id: string) => docs.find((d) => d.certificateId === id),
  } as unknown as CertificatesRepository;
  const pdfs = {
    fileOf: async (doc: CertificateDoc) => ({ fileId: doc.certificateId }),
    open: (file: { fileId: string }) => (opened.push(file.fileId), Readable.from([Buffer.from(`%PDF of ${file.fileId}`)])),
  } as unknown as CertificatePdfs;
  return { archive: new CertificateArchive(repository, pdfs), cursor, opened };
}

function collect(): { out: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (p: Buffer) => parts.push(p));
  return { out, bytes: () => Buffer.concat(parts) };
}

function entries(zip: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const found: Record<string, string> = {};
      file.on('end', () => resolve(found)).on('error', reject);
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const parts: Buffer[] = [];
          stream
            .on('data', (p: Buffer) => parts.push(p))
            .on('end', () => ((found[entry.fileName] = Buffer.concat(parts).toString()), file.readEntry()));
        }),
      );
      file.readEntry();
    }),
  );
}

describe('CertificateArchive', () => {
  const ana = certificate('ana', 'crt-1', { personName: 'Ana', title: 'Safety', verificationCode: 'AAAA-BBBB-CCCC' });
  const ana2 = certificate('ana', 'crt-2', { personName: 'Ana', title: 'Safety', verificationCode: 'AAAA-BBBB-CCCC' });
  const bob = certificate('bob', 'crt-3', { personName: 'Bob/Builder', title: 'Safety', verificationCode: 'DDDD-EEEE-FFFF' });

  it('writes one entry per recorded certificate, named and made unique; an erased one is left out', async () => {
    const { archive, cursor } = setup(
      [
        { userId: 'ana', certificateIds: ['crt-1', 'crt-2', 'crt-gone'] },
        { userId: 'bob', certificateIds: ['crt-3'] },
      ],
      [ana, ana2, bob],
    );
    const { out, bytes } = collect();
    await archive.write('t', 'j', out, new AbortController().signal);
    expect(await entries(bytes())).toEqual({
      'Ana - Safety - AAAA-BBBB-CCCC.pdf': '%PDF of crt-1',
      'Ana - Safety - AAAA-BBBB-CCCC (2).pdf': '%PDF of crt-2',
      'Bob_Builder - Safety - DDDD-EEEE-FFFF.pdf': '%PDF of crt-3',
    });
    expect(cursor.closed).toBe(true);
  });

  it('never lists a certificate under a row of someone else', async () => {
    const { archive } = setup([{ userId: 'bob', certificateIds: ['crt-1', 'crt-3'] }], [ana, bob]);
    const { out, bytes } = collect();
    await archive.write('t', 'j', out, new AbortController().signal);
    expect(Object.keys(await entries(bytes()))).toEqual(['Bob_Builder - Safety - DDDD-EEEE-FFFF.pdf']);
  });

  it('stops reading when the client goes away: no more PDFs opened, the cursor closed', async () => {
    const { archive, cursor, opened } = setup([{ userId: 'ana', certificateIds: ['crt-1', 'crt-2'] }], [ana, ana2]);
    const left = new AbortController();
    left.abort(new Error('the client went away'));
    await expect(archive.write('t', 'j', new PassThrough(), left.signal)).rejects.toThrow();
    expect(opened).toEqual([]);
    expect(cursor.closed).toBe(true);
  });
});
