import { Person } from '../people/person.schema';
import { testPerson } from '../actions/test-person';
import { issueToken, verifySecret } from '../tokens/secrets';
import { CompletePasswordResetCommand, CompletePasswordResetHandler, resetRefusal } from './complete-password-reset.handler';
import { fakePeople, fakeTokenUses } from './fake-people';

const issued = issueToken('t', 'u1');
const HOUR = 3_600_000;
const withReset = (expiresInMs: number, over: Partial<Person> = {}) =>
  testPerson({ passwordReset: { tokenHash: issued.hash, expiresAt: new Date(Date.now() + expiresInMs), usedAt: null }, ...over });
const complete = (token = issued.token) => new CompletePasswordResetCommand({ token, password: 'a new long password' });
const INVALID = { code: 'IDENTITY.TOKEN_INVALID', field: 'token' };

describe('CompletePasswordResetHandler', () => {
  it('sets the password and marks the reset used, in one conditional update checking expiry in the query', async () => {
    const person = withReset(HOUR);
    const { repo, updates } = fakePeople([person]);
    expect(await new CompletePasswordResetHandler(repo, fakeTokenUses()).execute(complete())).toEqual({
      tenantId: 't',
      userId: 'u1',
      status: 'active',
    });
    expect(updates[0].where).toEqual({
      status: 'active',
      'passwordReset.tokenHash': issued.hash,
      'passwordReset.usedAt': null,
      'passwordReset.expiresAt': { $gt: expect.any(Date) },
    });
    expect(await verifySecret('a new long password', person.passwordHash)).toBe(true);
    expect(person.passwordReset?.usedAt).toEqual(expect.any(Date));
  });

  it('works once: the same link again is invalid', async () => {
    const { repo } = fakePeople([withReset(HOUR)]);
    const handler = new CompletePasswordResetHandler(repo, fakeTokenUses());
    await handler.execute(complete());
    await expect(handler.execute(complete())).rejects.toMatchObject(INVALID);
  });

  it('an expired link is TOKEN_EXPIRED; malformed, replaced and unknown ones are TOKEN_INVALID', async () => {
    await expect(new CompletePasswordResetHandler(fakePeople([withReset(-1)]).repo, fakeTokenUses()).execute(complete())).rejects.toMatchObject({
      code: 'IDENTITY.TOKEN_EXPIRED',
      field: 'token',
    });
    await expect(
      new CompletePasswordResetHandler(fakePeople([withReset(HOUR)]).repo, fakeTokenUses()).execute(complete('x.y')),
    ).rejects.toMatchObject(INVALID);
    await expect(new CompletePasswordResetHandler(fakePeople([]).repo, fakeTokenUses()).execute(complete())).rejects.toMatchObject(INVALID);
    const replaced = testPerson({ passwordReset: { tokenHash: 'newer', expiresAt: new Date(Date.now() + HOUR) } });
    await expect(new CompletePasswordResetHandler(fakePeople([replaced]).repo, fakeTokenUses()).execute(complete())).rejects.toMatchObject(INVALID);
  });

  it('refuses an active link of someone who is no longer active', async () => {
    const { repo } = fakePeople([withReset(HOUR, { status: 'deactivated' })]);
    await expect(new CompletePasswordResetHandler(repo, fakeTokenUses()).execute(complete())).rejects.toMatchObject(INVALID);
  });
});

describe('resetRefusal', () => {
  const now = new Date();
  it('expired only for the same hash, unused and past its expiry', () => {
    expect(resetRefusal(withReset(-HOUR), issued.hash, now).code).toBe('IDENTITY.TOKEN_EXPIRED');
    expect(
      resetRefusal(withReset(-HOUR, { passwordReset: { tokenHash: issued.hash, expiresAt: new Date(0), usedAt: new Date() } }), issued.hash, now)
        .code,
    ).toBe('IDENTITY.TOKEN_INVALID');
    expect(resetRefusal(withReset(-HOUR), 'other', now).code).toBe('IDENTITY.TOKEN_INVALID');
    expect(resetRefusal(undefined, issued.hash, now).code).toBe('IDENTITY.TOKEN_INVALID');
  });
});
