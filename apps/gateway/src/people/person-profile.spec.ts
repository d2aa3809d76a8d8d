import { testPersonView } from '@cohort/testing/fixtures/person-view';
import { PersonProfile, profileOf } from './person-profile';

const person = testPersonView('u-1', { email: 'a@t.test', name: 'A' });
const learning = { enrolments: [], withdrawn: [], tasks: [], certificates: [], eventEnrolments: [], contentShares: [] };

describe('profileOf', () => {
  it('adds every part that answered, and names none unavailable', () => {
    const profile = profileOf(person, {
      membership: { ok: true, value: { groups: [{ groupId: 'g', name: 'G', kind: 'group' }], sharedWith: [] } },
      learning: { ok: true, value: learning },
      communications: { ok: true, value: { unread: 2 } },
    });
    expect(profile).toEqual({
      ...person,
      groups: [{ groupId: 'g', name: 'G', kind: 'group' }],
      sharedWith: [],
      learning,
      notifications: { unread: 2 },
      unavailable: [],
    });
    expect(PersonProfile.safeParse(profile).success).toBe(true);
  });

  it('leaves a missing part null and names its service, in a fixed order', () => {
    const profile = profileOf(person, { membership: { ok: false }, learning: { ok: true, value: learning }, communications: { ok: false } });
    expect(profile).toMatchObject({ groups: null, sharedWith: null, learning, notifications: null, unavailable: ['membership', 'communications'] });
    expect(PersonProfile.safeParse(profile).success).toBe(true);
  });
});
