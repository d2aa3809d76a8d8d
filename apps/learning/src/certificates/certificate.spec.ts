import { EntityId } from '@cohort/contracts';
import { awardedMail, certificateIdFor, sameAward, VERIFICATION_CODE, verificationCodeFor } from './certificate';

describe('certificate ids and verification codes', () => {
  it('derives the same certificate id from the same tenant, job and person (a redelivery finds it), another for anyone else', () => {
    const id = certificateIdFor('t', 'job-1', 'ana');
    expect(id).toBe(certificateIdFor('t', 'job-1', 'ana'));
    expect(id).toMatch(/^crt-[a-z2-7]{24}$/);
    expect(EntityId.safeParse(id).success).toBe(true);
    const others = [certificateIdFor('t', 'job-1', 'bob'), certificateIdFor('t', 'job-2', 'ana'), certificateIdFor('u', 'job-1', 'ana')];
    expect(new Set([id, ...others]).size).toBe(4);
  });

  it('prints a readable XXXX-XXXX-XXXX code without look-alike characters, fixed per certificate', () => {
    const codes = Array.from({ length: 500 }, (_, i) => verificationCodeFor(certificateIdFor('t', 'j', `p${i}`)));
    for (const code of codes) expect(code).toMatch(VERIFICATION_CODE);
    expect(codes.join('')).not.toMatch(/[01ILOU]/);
    expect(new Set(codes).size).toBe(500);
    expect(verificationCodeFor('crt-abc')).toBe(verificationCodeFor('crt-abc'));
  });

  it('one award is the same title for the same course (or both without a course)', () => {
    expect(sameAward({ title: 'Safety', courseId: 'c1' }, 'Safety', 'c1')).toBe(true);
    expect(sameAward({ title: 'Safety' }, 'Safety', undefined)).toBe(true);
    expect(sameAward({ title: 'Safety', courseId: 'c1' }, 'Safety', undefined)).toBe(false);
    expect(sameAward({ title: 'Safety', courseId: 'c1' }, 'Safety', 'c2')).toBe(false);
    expect(sameAward({ title: 'Safety', courseId: 'c1' }, 'First aid', 'c1')).toBe(false);
  });

  it('hands the e-mail step the course title, or the certificate title without a course', () => {
    expect(awardedMail({ certificateId: 'crt-1', title: 'T', courseTitle: 'Course' })).toEqual({
      kind: 'certificate-awarded',
      courseTitle: 'Course',
      certificateId: 'crt-1',
    });
    expect(awardedMail({ certificateId: 'crt-1', title: 'T' })).toEqual({ kind: 'certificate-awarded', courseTitle: 'T', certificateId: 'crt-1' });
  });
});
