import { testPerson } from '../test-person';
import { decidePropertiesUpdate, PropertiesUpdate } from './update-properties.decision';

const update = (over: Partial<PropertiesUpdate> = {}): PropertiesUpdate => ({ key: 'j:0', ...over });
const anonymous = testPerson({ anonymous: true, country: 'NL' });

describe('decidePropertiesUpdate', () => {
  it('sets the fields that differ and remembers their prior values', () => {
    const d = decidePropertiesUpdate('u1', testPerson({ country: 'NL' }), update({ country: 'DE', profileVisibility: 'public' }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: { country: 'NL' } });
    expect(d.change).toEqual({ userId: 'u1', set: { country: 'DE' }, op: { k: 'j:0', b: { country: 'NL' } } });
    expect(d.resetsAccessCode).toBe(false);
  });

  it('a country set for the first time was null before', () => {
    expect(decidePropertiesUpdate('u1', testPerson(), update({ country: 'BE' })).outcome.before).toEqual({ country: null });
  });

  it('resets the access code of an anonymous account, and a dry run shows a placeholder, never a code', () => {
    const d = decidePropertiesUpdate('u1', anonymous, update({ resetAccessCode: true, profileVisibility: 'private' }));
    expect(d.resetsAccessCode).toBe(true);
    expect(d.change?.set).toEqual({ profileVisibility: 'private' }); // the handler adds the hash
    expect(d.preview).toEqual({ before: { profileVisibility: 'public' }, after: { profileVisibility: 'private', accessCode: 'new code' } });
  });

  it('an access-code reset alone changes an anonymous account even when nothing else differs', () => {
    const d = decidePropertiesUpdate('u1', anonymous, update({ resetAccessCode: true, country: 'NL' }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: {} });
    expect(d.resetsAccessCode).toBe(true);
  });

  it('skips an e-mail account asked only for an access-code reset', () => {
    const d = decidePropertiesUpdate('u1', testPerson(), update({ resetAccessCode: true }));
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.NOT_ANONYMOUS' });
    expect(d.change).toBeUndefined();
    expect(d.resetsAccessCode).toBeUndefined();
  });

  it('skips an e-mail account as NOT_ANONYMOUS when the other fields asked for are already as given', () => {
    const d = decidePropertiesUpdate('u1', testPerson({ country: 'NL' }), update({ resetAccessCode: true, country: 'NL' }));
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.NOT_ANONYMOUS' });
  });

  it('updates the other fields of an e-mail account and says the code was not reset', () => {
    const d = decidePropertiesUpdate('u1', testPerson({ country: 'NL' }), update({ resetAccessCode: true, country: 'FR' }));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: { country: 'NL' },
      message: 'access code not reset: the account signs in by e-mail',
    });
    expect(d.change?.set).toEqual({ country: 'FR' });
    expect(d.resetsAccessCode).toBe(false);
  });

  it('skips a person whose properties are already as given', () => {
    const d = decidePropertiesUpdate('u1', testPerson({ country: 'NL' }), update({ country: 'NL', profileVisibility: 'public' }));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.UNCHANGED',
      message: 'country and profile visibility are already as given',
    });
    expect(d.preview).toEqual({ before: { country: 'NL', profileVisibility: 'public' } });
  });

  it('a redelivery returns the stored prior values, writes nothing and asks for the same code again', () => {
    const done = testPerson({ anonymous: true, country: 'DE', ops: [{ k: 'j:0', b: { country: 'NL' } }] });
    const d = decidePropertiesUpdate('u1', done, update({ country: 'DE', resetAccessCode: true }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: { country: 'NL' } });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
    expect(d.resetsAccessCode).toBe(true);
  });

  it('fails a person that does not exist in the tenant', () => {
    expect(decidePropertiesUpdate('u9', undefined, update({ country: 'NL' })).outcome).toMatchObject({
      status: 'failed',
      code: 'IDENTITY.NOT_FOUND',
    });
  });
});
