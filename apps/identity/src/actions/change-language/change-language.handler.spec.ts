import { DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { testPerson as person } from '../test-person';
import { decideLanguageChange } from './change-language.handler';

describe('decideLanguageChange', () => {
  it('changes the language and remembers the prior value for undo', () => {
    const d = decideLanguageChange('u1', person(), 'nl', 'job1:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'en' });
    expect(d.change).toEqual({ userId: 'u1', set: { language: 'nl' }, op: { k: 'job1:0', b: 'en' } });
  });

  it('skips a person who already has the language', () => {
    const d = decideLanguageChange('u1', person({ language: 'nl' }), 'nl', 'job1:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'language is already nl' });
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

  it('a dry run shows before → after for a change and the current value for a skip', () => {
    expect(dryRunOutcome(decideLanguageChange('u1', person(), 'nl', DRY_RUN_KEY))).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: 'en',
      data: { after: 'nl' },
    });
    expect(dryRunOutcome(decideLanguageChange('u1', person({ language: 'nl' }), 'nl', DRY_RUN_KEY))).toMatchObject({
      status: 'skipped',
      before: 'nl',
    });
  });
});
