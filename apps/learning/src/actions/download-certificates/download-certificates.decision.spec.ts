import { certificate, person } from '../../certificates/test-certificates';
import { decideDownloadCertificates } from './download-certificates.decision';

describe('decideDownloadCertificates', () => {
  const held = [certificate('ana', 'crt-1', { courseId: 'c1' }), certificate('ana', 'crt-2')];

  it('collects every certificate of the person, or those of the course when one is given', () => {
    const all = decideDownloadCertificates('ana', person('ana', { language: 'de' }), held, undefined, undefined);
    expect(all.outcome).toEqual({ userId: 'ana', status: 'succeeded', data: { certificates: 2 } });
    expect(all.change).toEqual({ certificates: held, language: 'de' });
    const ofCourse = decideDownloadCertificates('ana', person('ana'), held, undefined, 'c1');
    expect(ofCourse.outcome.data).toEqual({ certificates: 1 });
    expect(ofCourse.change?.certificates.map((c) => c.certificateId)).toEqual(['crt-1']);
  });

  it('skips NO_CERTIFICATE who has none (of the course), fails an unknown person NOT_FOUND', () => {
    expect(decideDownloadCertificates('bob', person('bob'), [], undefined, undefined).outcome).toMatchObject({
      status: 'skipped',
      code: 'LEARNING.NO_CERTIFICATE',
    });
    expect(decideDownloadCertificates('ana', person('ana'), held, undefined, 'c9').outcome).toMatchObject({
      status: 'skipped',
      code: 'LEARNING.NO_CERTIFICATE',
      message: expect.stringContaining('c9'),
    });
    expect(decideDownloadCertificates('ghost', undefined, held, undefined, undefined).outcome).toMatchObject({
      status: 'failed',
      code: 'LEARNING.NOT_FOUND',
    });
  });

  it('a redelivery answers with the count its first attempt recorded, and writes nothing', () => {
    const d = decideDownloadCertificates(
      'ana',
      person('ana'),
      [...held, certificate('ana', 'crt-3')],
      { certificateIds: ['crt-1', 'crt-2'] },
      undefined,
    );
    expect(d).toEqual({ outcome: { userId: 'ana', status: 'succeeded', data: { certificates: 2 } }, replayed: true });
  });
});
