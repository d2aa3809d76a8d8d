import { IdentityLookupClient, IdentityLookupError } from '@cohort/common';
import { PersonView } from '@cohort/contracts';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { CourseDoc } from '../../catalogue/catalogue';
import { certificateIdFor } from '../../certificates/certificate';
import { certificate, MemoryCertificates, person, work } from '../../certificates/test-certificates';
import { AssignCertificate, AssignCertificateHandler } from './assign-certificate.handler';

function setup(people: PersonView[], courses: CourseDoc[] = [], held = new MemoryCertificates(), identityDown = false) {
  const identity = {
    people: async (_t: string, ids: string[]) => {
      if (identityDown) throw new IdentityLookupError('identity: connect ECONNREFUSED');
      return new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p]));
    },
  } as unknown as IdentityLookupClient;
  const catalogue = {
    findCourses: async (_t: string, ids: string[]) => new Map(courses.filter((c) => ids.includes(c.courseId)).map((c) => [c.courseId, c])),
  } as unknown as CatalogueRepository;
  return { handler: new AssignCertificateHandler(identity, catalogue, held.repository, held.pdfs), held };
}

const course: CourseDoc = { _id: 't:c1', tenantId: 't', courseId: 'c1', title: 'Safety at work', kind: 'course' };
const assign = (userIds: string[], params: Record<string, unknown> = { title: 'Safety', courseId: 'c1' }) =>
  work('assign-certificate', userIds, params);

describe('AssignCertificateHandler', () => {
  it('renders and records a certificate for each person who gets one, in their language; outcomes in chunk order', async () => {
    const { handler, held } = setup([person('ana', { language: 'nl' }), person('bob', { status: 'archived' }), person('cy')], [course]);
    const outcomes = await handler.execute(new AssignCertificate(assign(['ana', 'bob', 'ghost', 'cy'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'LEARNING.PERSON_INACTIVE', 'LEARNING.NOT_FOUND', 'succeeded']);
    expect(outcomes[0].data).toEqual({
      kind: 'certificate-awarded',
      courseTitle: 'Safety at work',
      certificateId: certificateIdFor('t', 'j', 'ana'),
    });
    expect(held.log.sort()).toEqual(['insert ana', 'insert cy', 'render ana nl', 'render cy en']);
    expect(held.docs.get(certificateIdFor('t', 'j', 'ana'))).toMatchObject({
      userId: 'ana',
      courseTitle: 'Safety at work',
      fileId: expect.anything(),
    });
  });

  it('a redelivered chunk answers the same and renders or writes nothing more', async () => {
    const { handler, held } = setup([person('ana'), person('bob')], [course]);
    const first = await handler.execute(new AssignCertificate(assign(['ana', 'bob'])));
    const writes = held.log.length;
    expect(await handler.execute(new AssignCertificate(assign(['ana', 'bob'])))).toEqual(first);
    expect(held.log).toHaveLength(writes);
  });

  it('skips ALREADY_CERTIFIED who holds the same title for the course (from another job)', async () => {
    const { handler, held } = setup([person('ana')], [course], new MemoryCertificates([certificate('ana', 'crt-old', { courseId: 'c1' })]));
    expect(await handler.execute(new AssignCertificate(assign(['ana'])))).toEqual([
      { userId: 'ana', status: 'skipped', code: 'LEARNING.ALREADY_CERTIFIED', message: expect.any(String) },
    ]);
    expect(held.log).toEqual([]);
  });

  it('fails everyone COURSE_NOT_FOUND for a course the tenant lacks (an unknown person NOT_FOUND), writing nothing', async () => {
    const { handler, held } = setup([person('ana')]);
    const outcomes = await handler.execute(new AssignCertificate(assign(['ana', 'ghost'], { title: 'Safety', courseId: 'nope' })));
    expect(outcomes.map((o) => [o.code, o.retryable])).toEqual([
      ['LEARNING.COURSE_NOT_FOUND', false],
      ['LEARNING.NOT_FOUND', false],
    ]);
    expect(outcomes[0].message).toContain('nope');
    expect(held.log).toEqual([]);
  });

  it('identity down or the store failing: everyone failed retryably; bad params: everyone failed INVALID_PARAMS', async () => {
    const down = setup([person('ana')], [course], undefined, true);
    expect(await down.handler.execute(new AssignCertificate(assign(['ana'])))).toEqual([
      expect.objectContaining({ status: 'failed', code: 'LEARNING.IDENTITY_UNAVAILABLE', retryable: true }),
    ]);
    const broken = setup([person('ana')], [course]);
    broken.held.failOn = 'render';
    expect(await broken.handler.execute(new AssignCertificate(assign(['ana'])))).toEqual([
      expect.objectContaining({ status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', retryable: true }),
    ]);
    const bad = await setup([person('ana')]).handler.execute(new AssignCertificate(assign(['ana'], { title: '' })));
    expect(bad).toEqual([expect.objectContaining({ status: 'failed', code: 'LEARNING.INVALID_PARAMS', message: expect.stringContaining('title') })]);
  });

  it('a dry run decides (before → after, the e-mail data) but renders and writes nothing', async () => {
    const { handler, held } = setup(
      [person('ana'), person('bob')],
      [course],
      new MemoryCertificates([certificate('bob', 'crt-old', { courseId: 'c1' })]),
    );
    const outcomes = await handler.execute(new AssignCertificate(assign(['ana', 'bob']), true));
    expect(outcomes[0]).toMatchObject({ status: 'succeeded', before: [], data: { kind: 'certificate-awarded', after: ['Safety'] } });
    expect(outcomes[1]).toMatchObject({ status: 'skipped', code: 'LEARNING.ALREADY_CERTIFIED', before: ['Safety'] });
    expect(held.log).toEqual([]);
  });
});
