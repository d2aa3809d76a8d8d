import { ItemView, JobView, Preview } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { verifySecret } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

type Person = ReturnType<typeof personDoc> & { accessCodeHash?: string | null };

/**
 * identity's field-changing actions through real parts: the orchestrator's jobs API → identity work topic
 * → identity (people in the store) → results → per-person items, and undo where the action has one.
 */
describe('identity field actions: labels, specialisms, properties', () => {
  let system: CohortSystem;
  const people = () => system.db('identity').collection<Person>('people');
  const byId = async (tenant: string, userId: string) => people().findOne({ _id: `${tenant}:${userId}` });

  async function seed(tenant: string, others: Array<[string, Record<string, unknown>]>) {
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), ...others.map(([id, fields]) => personDoc(tenant, id, fields))]);
  }

  /** Submits a job and waits for it to end: its view and its per-person items in selection order. */
  async function run(tenant: string, action: string, params: Record<string, unknown>, userIds: string[]) {
    const submit = await postJson<{ id: string }>(system.jobsUrl(tenant), { actorId: 'owner', action, params, selection: { userIds } });
    expect(submit).toMatchObject({ status: 202 });
    return finished(tenant, submit.body.id);
  }

  async function finished(tenant: string, jobId: string) {
    let last: JobView | undefined;
    const job = await eventually(
      async () => {
        last = (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body;
        return last.status === 'completed' && last;
      },
      60_000,
      `job ${jobId} to complete`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; last seen ${JSON.stringify(last)}`);
    });
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return { job, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  async function undo(tenant: string, jobId: string) {
    const submit = await postJson<{ id: string }>(`${system.jobsUrl(tenant)}/${jobId}/undo`, { actorId: 'owner' });
    expect(submit).toMatchObject({ status: 202 });
    return finished(tenant, submit.body.id);
  }

  beforeAll(async () => {
    system = await startSystem({ env: { ORCH_RETRY_BASE_MS: '200', ORCH_PROGRESS_MS: '300' } });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('adds labels, skips who has them all, fails the unknown; the undo removes only what it added', async () => {
    const tenant = uniqueTenant('labels');
    await seed(tenant, [
      ['fresh', { labels: ['blue'] }],
      ['has-all', { labels: ['red', 'green'] }],
      ['half', { labels: ['red'] }],
    ]);
    const { job, items } = await run(tenant, 'add-labels', { labels: ['red', 'green'] }, ['fresh', 'has-all', 'half', 'ghost']);
    expect(job.counts).toMatchObject({ succeeded: 2, skipped: 1, failed: 1 });
    expect(items.get('fresh')).toMatchObject({ status: 'succeeded', before: ['blue'] });
    expect(items.get('has-all')).toMatchObject({ status: 'skipped', code: 'IDENTITY.UNCHANGED' });
    expect(items.get('ghost')).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
    expect((await byId(tenant, 'fresh'))?.labels).toEqual(['blue', 'red', 'green']);
    expect((await byId(tenant, 'half'))?.labels).toEqual(['red', 'green']);

    const undone = await undo(tenant, job.id);
    expect(undone.job.counts).toMatchObject({ succeeded: 2 });
    expect((await byId(tenant, 'fresh'))?.labels).toEqual(['blue']);
    expect((await byId(tenant, 'half'))?.labels).toEqual(['red']); // it had red before: the undo keeps it
    expect((await byId(tenant, 'has-all'))?.labels).toEqual(['red', 'green']);
  });

  it('removes labels, skipping who carries none of them', async () => {
    const tenant = uniqueTenant('unlabel');
    await seed(tenant, [
      ['tagged', { labels: ['a', 'b', 'c'] }],
      ['bare', { labels: ['z'] }],
    ]);
    const { job, items } = await run(tenant, 'remove-labels', { labels: ['a', 'c'] }, ['tagged', 'bare']);
    expect(job.counts).toMatchObject({ succeeded: 1, skipped: 1 });
    expect(items.get('tagged')).toMatchObject({ before: ['a', 'b', 'c'] });
    expect(items.get('bare')).toMatchObject({ status: 'skipped', code: 'IDENTITY.UNCHANGED' });
    expect((await byId(tenant, 'tagged'))?.labels).toEqual(['b']);
  });

  it('adds specialisms, and the undo sets each list back, to empty where it was empty', async () => {
    const tenant = uniqueTenant('specialisms');
    await seed(tenant, [
      ['none', { specialisms: [] }],
      ['some', { specialisms: ['math'] }],
    ]);
    const { job } = await run(tenant, 'add-specialisms', { specialisms: ['physics', 'math'] }, ['none', 'some']);
    expect(job.counts).toMatchObject({ succeeded: 2 });
    expect((await byId(tenant, 'none'))?.specialisms).toEqual(['physics', 'math']);
    expect((await byId(tenant, 'some'))?.specialisms).toEqual(['math', 'physics']);

    const undone = await undo(tenant, job.id);
    expect(undone.job.counts).toMatchObject({ succeeded: 2 });
    expect((await byId(tenant, 'none'))?.specialisms).toEqual([]);
    expect((await byId(tenant, 'some'))?.specialisms).toEqual(['math']);
  });

  it('updates country and resets the access code of anonymous accounts, reporting the code once stored as a hash', async () => {
    const tenant = uniqueTenant('props');
    await seed(tenant, [
      ['anon', { anonymous: true, country: 'NL', accessCodeHash: null }],
      ['email', { country: 'NL' }],
      ['same', { country: 'BE' }],
    ]);
    const params = { country: 'BE', resetAccessCode: true };
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, {
      actorId: 'owner',
      action: 'update-properties',
      params,
      selection: { userIds: ['anon', 'email', 'same'] },
    });
    expect(preview.body).toMatchObject({ willChange: 2, skipped: [expect.objectContaining({ code: 'IDENTITY.NOT_ANONYMOUS', count: 1 })] });
    expect(preview.body.sample.find((s) => s.userId === 'anon')).toMatchObject({
      before: { country: 'NL' },
      after: { country: 'BE', accessCode: 'new code' },
    });
    expect((await byId(tenant, 'anon'))?.accessCodeHash).toBeNull(); // a preview issues no code

    const both = await run(tenant, 'update-properties', params, ['anon', 'email', 'same']);
    expect(both.job.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(both.items.get('email')).toMatchObject({ status: 'succeeded' });
    expect(both.items.get('same')).toMatchObject({ status: 'skipped', code: 'IDENTITY.NOT_ANONYMOUS' });
    const anon = await byId(tenant, 'anon');
    expect(anon).toMatchObject({ country: 'BE', accessCodeHash: expect.stringMatching(/^scrypt\$/) });
    expect((await byId(tenant, 'email'))?.country).toBe('BE');
    const code = both.items.get('anon')?.data?.accessCode;
    expect(code).toEqual(expect.stringMatching(/^[A-Z2-9]{10}$/));
    expect(await verifySecret(String(code), anon?.accessCodeHash)).toBe(true);

    const unchanged = await run(tenant, 'update-properties', { country: 'BE' }, ['same']);
    expect(unchanged.items.get('same')).toMatchObject({ status: 'skipped', code: 'IDENTITY.UNCHANGED' });
  });

  it('refuses invalid params at intake, naming the field', async () => {
    const tenant = uniqueTenant('badprops');
    await seed(tenant, [['p', {}]]);
    const refused = await postJson<{ code: string; message: string; details: { field?: string } }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'update-properties',
      params: { country: 'Netherlands' },
      selection: { userIds: ['p'] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ details: { field: 'params.country' } });
    expect(refused.body.message).toMatch(/country/);
    expect((await byId(tenant, 'p'))?.country).toBe('NL');
  });
});
