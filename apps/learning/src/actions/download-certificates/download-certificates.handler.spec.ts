import { IdentityLookupClient } from '@cohort/common';
import { PersonView } from '@cohort/contracts';
import { certificate, MemoryCertificates, person, work } from '../../certificates/test-certificates';
import { DownloadCertificates, DownloadCertificatesHandler } from './download-certificates.handler';

function setup(people: PersonView[], held: MemoryCertificates) {
  const identity = {
    people: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
  } as unknown as IdentityLookupClient;
  return new DownloadCertificatesHandler(identity, held.repository, held.pdfs);
}

const download = (userIds: string[], params: Record<string, unknown> = {}) => work('download-certificates', userIds, params);

describe('DownloadCertificatesHandler', () => {
  it('records each certificate holder’s ids for the ZIP (one row per person), rendering the PDFs a record lacks', async () => {
    const held = new MemoryCertificates([
      certificate('ana', 'crt-1'),
      certificate('ana', 'crt-2', { fileId: undefined }),
      certificate('bob', 'crt-3', { courseId: 'c1' }),
    ]);
    const handler = setup([person('ana', { language: 'fr' }), person('bob'), person('cy')], held);
    const outcomes = await handler.execute(new DownloadCertificates(download(['ana', 'bob', 'cy', 'ghost'])));
    expect(outcomes.map((o) => o.code ?? o.data)).toEqual([
      { certificates: 2 },
      { certificates: 1 },
      'LEARNING.NO_CERTIFICATE',
      'LEARNING.NOT_FOUND',
    ]);
    expect(held.log).toEqual(['render crt-2 fr', 'record ana,bob']);
    expect(held.rows.get('j:ana')).toEqual({ _id: 'j:ana', tenantId: 't', jobId: 'j', userId: 'ana', certificateIds: ['crt-1', 'crt-2'], chunk: 3 });
  });

  it('only the course’s certificates when params.courseId is given', async () => {
    const held = new MemoryCertificates([certificate('ana', 'crt-1'), certificate('bob', 'crt-3', { courseId: 'c1' })]);
    const outcomes = await setup([person('ana'), person('bob')], held).execute(
      new DownloadCertificates(download(['ana', 'bob'], { courseId: 'c1' })),
    );
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['LEARNING.NO_CERTIFICATE', 'succeeded']);
    expect([...held.rows.keys()]).toEqual(['j:bob']);
  });

  it('a redelivered chunk answers the same and writes no second row; a dry run writes nothing', async () => {
    const held = new MemoryCertificates([certificate('ana', 'crt-1')]);
    const handler = setup([person('ana')], held);
    const dry = await handler.execute(new DownloadCertificates(download(['ana']), true));
    expect(dry[0]).toMatchObject({ status: 'succeeded', data: { certificates: 1 } });
    expect(held.log).toEqual([]);
    const first = await handler.execute(new DownloadCertificates(download(['ana'])));
    held.docs.set('crt-9', certificate('ana', 'crt-9')); // awarded since: the job's ZIP stays what it collected
    expect(await handler.execute(new DownloadCertificates(download(['ana'])))).toEqual(first);
    expect(held.log).toEqual(['record ana']);
  });

  it('a store failure fails everyone retryably', async () => {
    const held = new MemoryCertificates([certificate('ana', 'crt-1')]);
    held.failOn = 'record';
    expect(await setup([person('ana')], held).execute(new DownloadCertificates(download(['ana'])))).toEqual([
      expect.objectContaining({ status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', retryable: true }),
    ]);
  });
});
