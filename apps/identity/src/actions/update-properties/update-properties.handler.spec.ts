import { Person } from '../../people/person.schema';
import { newAccessCode, verifySecret } from '../../tokens/secrets';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { UpdateProperties, UpdatePropertiesHandler } from './update-properties.handler';

function handler(people: Person[]) {
  const { repo, writes } = recordingPeople(people);
  return { handler: new UpdatePropertiesHandler(repo), writes };
}

const work = (userIds: string[], params: Record<string, unknown>) => testWork('update-properties', params, userIds);
const codeOf = (userId: string) => newAccessCode({ tenantId: 't', userId, key: 'j:0' });

describe('UpdatePropertiesHandler', () => {
  it('stores only the hash of the new access code and reports the code to the admin', async () => {
    const { handler: h, writes } = handler([testPerson({ userId: 'a1', anonymous: true }), testPerson({ userId: 'e1' })]);
    const outcomes = await h.execute(new UpdateProperties(work(['a1', 'e1', 'a1'], { resetAccessCode: true, country: 'NL' })));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(outcomes[0].data).toEqual({ accessCode: codeOf('a1') });
    expect(outcomes[2].data).toEqual({ accessCode: codeOf('a1') }); // a repeated id reports the same code
    expect(outcomes[1]).toEqual({
      userId: 'e1',
      status: 'succeeded',
      before: { country: null },
      message: 'access code not reset: the account signs in by e-mail',
    });
    expect(writes.map((w) => w.userId)).toEqual(['a1', 'e1']);
    expect(writes[0].set).toEqual({ country: 'NL', accessCodeHash: expect.stringMatching(/^scrypt\$/) });
    expect(await verifySecret(codeOf('a1'), writes[0].set.accessCodeHash)).toBe(true);
    expect(writes[1].set).toEqual({ country: 'NL' });
  });

  it('a redelivery reports the same code again without rewriting the hash', async () => {
    const done = testPerson({ userId: 'a1', anonymous: true, accessCodeHash: 'scrypt$stored$hash', ops: [{ k: 'j:0', b: {} }] });
    const { handler: h, writes } = handler([done]);
    const [outcome] = await h.execute(new UpdateProperties(work(['a1'], { resetAccessCode: true })));
    expect(outcome).toEqual({ userId: 'a1', status: 'succeeded', before: {}, data: { accessCode: codeOf('a1') } });
    expect(writes).toEqual([]);
  });

  it('a dry run generates no code and writes nothing', async () => {
    const { handler: h, writes } = handler([testPerson({ userId: 'a1', anonymous: true }), testPerson({ userId: 'e1' })]);
    const outcomes = await h.execute(new UpdateProperties(work(['a1', 'e1'], { resetAccessCode: true }), true));
    expect(outcomes[0]).toEqual({ userId: 'a1', status: 'succeeded', before: {}, data: { after: { accessCode: 'new code' } } });
    expect(outcomes[1]).toMatchObject({ status: 'skipped', code: 'IDENTITY.NOT_ANONYMOUS' });
    expect(writes).toEqual([]);
  });

  it.each([
    [{ country: 'Netherlands' }, 'params.country'],
    [{ resetAccessCode: false }, 'params'],
    [{ country: 'NL', colour: 'red' }, 'params.colour'],
  ])('bad params %j fail every person naming %s', async (params, field) => {
    const { handler: h, writes } = handler([testPerson()]);
    const [outcome] = await h.execute(new UpdateProperties(work(['u1'], params)));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS' });
    expect(outcome.message?.startsWith(`${field}: `)).toBe(true);
    expect(writes).toEqual([]);
  });
});
