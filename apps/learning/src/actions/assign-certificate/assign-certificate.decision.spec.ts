import { certificateIdFor, verificationCodeFor } from '../../certificates/certificate';
import { certificate, person } from '../../certificates/test-certificates';
import { AssignCertificateContext, decideAssignCertificate } from './assign-certificate.decision';

describe('decideAssignCertificate', () => {
  const ctx: AssignCertificateContext = { tenantId: 't', jobId: 'j', title: 'Safety', courseId: 'c1', courseTitle: 'Safety at work' };
  const id = certificateIdFor('t', 'j', 'ana');

  it('awards a new certificate: the record to write and the e-mail data for communications', () => {
    const d = decideAssignCertificate('ana', person('ana', { name: 'Ana Łukasz', language: 'pl' }), [], ctx);
    expect(d.outcome).toEqual({
      userId: 'ana',
      status: 'succeeded',
      data: { kind: 'certificate-awarded', courseTitle: 'Safety at work', certificateId: id },
    });
    expect(d.change).toEqual({
      language: 'pl',
      certificate: {
        tenantId: 't',
        userId: 'ana',
        certificateId: id,
        title: 'Safety',
        courseId: 'c1',
        courseTitle: 'Safety at work',
        personName: 'Ana Łukasz',
        verificationCode: verificationCodeFor(id),
        jobId: 'j',
      },
    });
    expect(d.preview).toEqual({ before: [], after: ['Safety'] });
  });

  it('without a course: the title is what the e-mail names, no course fields', () => {
    const d = decideAssignCertificate('ana', person('ana'), [], { tenantId: 't', jobId: 'j', title: 'Mentor' });
    expect(d.outcome.data).toEqual({ kind: 'certificate-awarded', courseTitle: 'Mentor', certificateId: id });
    expect(d.change?.certificate).not.toHaveProperty('courseId');
  });

  it('fails an unknown person NOT_FOUND, and everyone COURSE_NOT_FOUND naming a course the tenant lacks', () => {
    expect(decideAssignCertificate('ghost', undefined, [], ctx).outcome).toMatchObject({
      status: 'failed',
      code: 'LEARNING.NOT_FOUND',
      retryable: false,
    });
    const missing = decideAssignCertificate('ana', person('ana'), [], { ...ctx, courseTitle: undefined });
    expect(missing.outcome).toMatchObject({ status: 'failed', code: 'LEARNING.COURSE_NOT_FOUND', message: expect.stringContaining('c1') });
    expect(missing.change).toBeUndefined();
  });

  it('skips an inactive person and one who holds the same certificate already', () => {
    for (const status of ['deactivated', 'archived', 'pending-deletion'] as const) {
      expect(decideAssignCertificate('ana', person('ana', { status }), [], ctx).outcome).toMatchObject({
        status: 'skipped',
        code: 'LEARNING.PERSON_INACTIVE',
      });
    }
    const held = [certificate('ana', 'crt-old', { title: 'Safety', courseId: 'c1' })];
    const d = decideAssignCertificate('ana', person('ana'), held, ctx);
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'LEARNING.ALREADY_CERTIFIED' });
    expect(d.change).toBeUndefined();
    // another course, or the same title without a course, is another certificate
    expect(decideAssignCertificate('ana', person('ana'), [certificate('ana', 'crt-x', { courseId: 'c2' })], ctx).change).toBeDefined();
    expect(decideAssignCertificate('ana', person('ana'), [certificate('ana', 'crt-y')], ctx).change).toBeDefined();
  });

  it('a redelivery finds the record of its first attempt: the same success and data, nothing to write', () => {
    const recorded = certificate('ana', id, { title: 'Safety', courseId: 'c1', courseTitle: 'Safety at work', jobId: 'j' });
    const d = decideAssignCertificate('ana', person('ana', { status: 'deactivated' }), [recorded], ctx);
    expect(d).toEqual({
      outcome: { userId: 'ana', status: 'succeeded', data: { kind: 'certificate-awarded', courseTitle: 'Safety at work', certificateId: id } },
      replayed: true,
    });
  });
});
