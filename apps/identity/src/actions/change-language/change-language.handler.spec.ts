import { decideLanguageChange } from './change-language.handler';
import { Person } from '../../people/person.schema';

const person = (over: Partial<Person> = {}): Person =>
  ({ _id: 't:u1', tenantId: 't', userId: 'u1', email: 'a@b.c', name: 'A', search: '', status: 'active', role: 'Learner', permissions: [], language: 'en', labels: [], specialisms: [], ops: [], v: 1, ...over }) as Person;

describe('decideLanguageChange', () => {
  it('changes the language and remembers the prior value for undo', () => {
    const d = decideLanguageChange('u1', person(), 'nl', 'job1:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'en' });
    expect(d.change).toEqual({ userId: 'u1', set: { language: 'nl' }, op: { k: 'job1:0', b: 'en' } });
  });

  it('skips a person who already has the language', () => {
    const d = decideLanguageChange('u1', person({ language: 'nl' }), 'nl', 'job1:0');
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.UNCHANGED' });
    expect(d.change).toBeUndefined();
  });

  it('fails a person that does not exist in the tenant', () => {
    expect(decideLanguageChange('u9', undefined, 'nl', 'job1:0').outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });

  it('replays an applied op: same outcome and prior value, no second write', () => {
    const d = decideLanguageChange('u1', person({ language: 'nl', ops: [{ k: 'job1:0', b: 'en' }] }), 'nl', 'job1:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'en' });
    expect(d.change).toBeUndefined();
  });
});
