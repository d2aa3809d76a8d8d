import { ROLES } from '@cohort/auth';
import { buildDemoTenant, DEMO_EMAILS, DEMO_OWNER_EMAILS, DEMO_PEOPLE, ENROLMENT_STATUSES, PERSON_STATUSES } from './demo-data';

describe('buildDemoTenant', () => {
  const tenant = buildDemoTenant();
  const { people, groups, memberships, courses, enrolments } = tenant;

  it('is deterministic', () => {
    expect(buildDemoTenant()).toEqual(tenant);
  });

  it('makes one document per person in every per-person collection, keyed tenant:userId', () => {
    expect(people).toHaveLength(DEMO_PEOPLE);
    for (const docs of [people, memberships, enrolments]) {
      expect(docs.map((d) => d._id)).toEqual(people.map((p) => `demo:${p.userId}`));
    }
    expect(new Set(people.map((p) => p._id)).size).toBe(DEMO_PEOPLE);
  });

  it('gives every person a unique lowercase email and a lowercase search text', () => {
    const emails = people.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const p of people) {
      expect(p.email).toBe(p.email.toLowerCase());
      expect(p.search).toBe(`${p.name} ${p.email}`.toLowerCase());
    }
  });

  it('has exactly the documented owners, the first being u-0001', () => {
    expect(people.filter((p) => p.role === 'Owner').map((p) => p.email)).toEqual(DEMO_OWNER_EMAILS);
    expect(people[0]).toMatchObject({ userId: 'u-0001', email: DEMO_EMAILS.owner, role: 'Owner', status: 'active' });
  });

  it('has every well-known account', () => {
    const byEmail = new Map(people.map((p) => [p.email, p]));
    for (const email of Object.values(DEMO_EMAILS)) expect(byEmail.has(email)).toBe(true);
    expect(byEmail.get(DEMO_EMAILS.adminWithDelete)).toMatchObject({ role: 'Admin', permissions: ['delete'] });
    expect(byEmail.get(DEMO_EMAILS.admin)).toMatchObject({ role: 'Admin', permissions: [] });
    expect(byEmail.get(DEMO_EMAILS.curatorWithSharing)).toMatchObject({ role: 'Curator', permissions: ['share-content'] });
    expect(byEmail.get(DEMO_EMAILS.invited)).toMatchObject({ status: 'invited', lastActiveAt: null });
    expect(byEmail.get(DEMO_EMAILS.anonymous)).toMatchObject({ anonymous: true, invitation: null });
  });

  it('has every role and every status, with owners and admins active', () => {
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(ROLES));
    expect(new Set(people.map((p) => p.status))).toEqual(new Set(PERSON_STATUSES));
    for (const p of people.filter((x) => x.role === 'Owner' || x.role === 'Admin')) expect(p.status).toBe('active');
    expect(people.filter((p) => p.anonymous).length).toBeGreaterThan(1);
  });

  it('is consistent with the model: only pending invitations are kept, suspended people remember they were active', () => {
    for (const p of people) {
      expect({ id: p.userId, invited: p.status === 'invited' && !p.anonymous, invitation: p.invitation !== null }).toEqual({
        id: p.userId,
        invited: p.status === 'invited' && !p.anonymous,
        invitation: p.status === 'invited' && !p.anonymous,
      });
      expect({ id: p.userId, prior: p.priorStatuses }).toEqual({
        id: p.userId,
        prior: ['deactivated', 'archived'].includes(p.status) ? ['active'] : [],
      });
    }
  });

  it('has about the documented mix of statuses', () => {
    const share = (s: string) => people.filter((p) => p.status === s).length / people.length;
    expect(share('active')).toBeCloseTo(0.75, 1);
    expect(share('invited')).toBeCloseTo(0.12, 1);
    expect(share('deactivated')).toBeCloseTo(0.08, 1);
    expect(share('archived')).toBeCloseTo(0.05, 1);
  });

  it('has teams, groups and at least three groups with auto-enrolment targets that exist', () => {
    const courseIds = new Set(courses.map((c) => c.courseId));
    expect(groups.filter((g) => g.kind === 'team').length).toBeGreaterThanOrEqual(5);
    expect(groups.filter((g) => g.kind === 'group').length).toBeGreaterThanOrEqual(6);
    const autoEnrol = groups.filter((g) => g.autoEnrolCourseIds.length > 0);
    expect(autoEnrol.length).toBeGreaterThanOrEqual(3);
    for (const id of autoEnrol.flatMap((g) => g.autoEnrolCourseIds)) expect(courseIds.has(id)).toBe(true);
  });

  it('puts people only in groups that exist', () => {
    const groupIds = new Set(groups.map((g) => g.groupId));
    for (const id of memberships.flatMap((m) => m.groupIds)) expect(groupIds.has(id)).toBe(true);
  });

  it('has courses, learning paths and a series made of existing courses', () => {
    const plain = new Set(courses.filter((c) => c.kind === 'course').map((c) => c.courseId));
    expect(plain.size).toBeGreaterThanOrEqual(15);
    expect(courses.filter((c) => c.kind === 'learning-path')).toHaveLength(2);
    expect(courses.filter((c) => c.kind === 'series')).toHaveLength(1);
    for (const id of courses.flatMap((c) => c.courseIds ?? [])) expect(plain.has(id)).toBe(true);
  });

  it('enrols people only in existing courses, in every status, including their groups’ targets', () => {
    const courseIds = new Set(courses.map((c) => c.courseId));
    const all = enrolments.flatMap((l) => l.enrolments);
    for (const e of all) expect(courseIds.has(e.courseId)).toBe(true);
    expect(new Set(all.map((e) => e.status))).toEqual(new Set(ENROLMENT_STATUSES));
    const targets = new Map(groups.map((g) => [g.groupId, g.autoEnrolCourseIds]));
    memberships.forEach((m, i) => {
      const enrolled = new Set(enrolments[i].enrolments.map((e) => e.courseId));
      for (const id of m.groupIds.flatMap((g) => targets.get(g) ?? [])) expect(enrolled.has(id)).toBe(true);
    });
  });

  it('builds another tenant with the same shape and its own ids', () => {
    const other = buildDemoTenant('acme', 60);
    expect(other.people).toHaveLength(60);
    expect(other.people[0]).toMatchObject({ _id: 'acme:u-0001', tenantId: 'acme', email: DEMO_EMAILS.owner });
    expect(other.groups.every((g) => g._id === `acme:${g.groupId}`)).toBe(true);
  });
});
