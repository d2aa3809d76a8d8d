import { signToken } from '@cohort/auth';
import { DigestAccumulator } from '@cohort/contracts';
import type { DirectoryPage, ImportSummary, JobView, Preview, SelectionDigest } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { CohortSystem, personDoc, postJson, startSystem } from '../support/system';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A file of e-mails as the selection of an action, on the real system (gateway, identity, orchestrator,
 * Kafka, FerretDB): the upload matches existing people by e-mail, the job covers exactly them, and the
 * import cannot be used to invite. Also identity's directory scope (a Manager's people) on the real store.
 */
describe('imports: select existing people by an uploaded file of e-mails', () => {
  const tenant = uniqueTenant('impsel');
  const other = uniqueTenant('impsel-other');
  let system: CohortSystem;
  let base: string;
  const people = () => system.db('identity').collection<ReturnType<typeof personDoc>>('people');
  const admin = () => signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` });

  async function call<T = Json>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: T }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin()}`, ...(body !== undefined && { 'content-type': type }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_AUTH_CACHE_MS: '0' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await people().insertMany([
      personDoc(tenant, 'admin', { role: 'Admin' }),
      personDoc(tenant, 'ann', { language: 'en' }),
      personDoc(tenant, 'bob', { language: 'de', status: 'invited' }),
      personDoc(tenant, 'cem', { language: 'en' }),
      // the same e-mail in another tenant is nobody here
      personDoc(other, 'dee', { email: `dee@${tenant}.test` }),
    ]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('stages the matched rows, previews and runs change-language over exactly those people', async () => {
    // Dutch headers, `;`, extra columns ignored, e-mails in any case; an unknown address and a repeat are row errors
    const csv = [
      'Naam;E-mailadres;Taal',
      `Ann;ANN@${tenant.toUpperCase()}.TEST;xx`,
      `Ghost;ghost@${tenant}.test;`,
      `Bob;bob@${tenant}.test;`,
      `Dee;dee@${tenant}.test;`,
      `Ann again;ann@${tenant}.test;`,
    ].join('\n');
    const upload = await call<ImportSummary>('POST', '/v1/imports?purpose=select', csv, 'text/csv');
    expect(upload).toEqual({
      status: 201,
      body: {
        importId: expect.stringMatching(/^sel-/),
        purpose: 'select',
        rows: 5,
        valid: 2,
        invalid: 3,
        errors: [
          { row: 3, column: 'email', message: 'no person with this e-mail' },
          { row: 5, column: 'email', message: 'no person with this e-mail' },
          { row: 6, column: 'email', message: 'also in row 2' },
        ],
      },
    });
    const selection = { importId: upload.body.importId };

    // identity resolves the import to exactly the matched people
    const digest = await postJson<SelectionDigest>(`${process.env.IDENTITY_URL}/internal/tenants/${tenant}/selection/digest`, selection);
    const expected = new DigestAccumulator();
    for (const id of ['ann', 'bob']) expected.add(id);
    expect(digest.body).toEqual({ count: 2, digest: expected.digest });

    const preview = await call<Preview>('POST', '/v1/batch-jobs/preview', { action: 'change-language', params: { language: 'nl' }, selection });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 2, willChange: 2, exact: true, skipped: [], failed: [] });
    expect(preview.body.sample.map((s) => s.userId).sort()).toEqual(['ann', 'bob']);

    // the import is a selection, not a file of people to invite
    const invite = await call('POST', '/v1/batch-jobs/preview', { action: 'invite-users', params: {}, selection });
    expect(invite).toMatchObject({ status: 400, body: { code: 'COMMAND.INVALID_SELECTION', details: { field: 'selection.importId' } } });

    const submitted = await call<{ id: string }>('POST', '/v1/batch-jobs', {
      action: 'change-language',
      params: { language: 'nl' },
      selection,
      snapshotId: preview.body.snapshotId,
    });
    expect(submitted.status).toBe(202);
    const job = await eventually(
      async () => {
        const view = await call<JobView>('GET', `/v1/batch-jobs/${submitted.body.id}`);
        return ['completed', 'failed'].includes(view.body.status) && view.body;
      },
      30_000,
      'the change-language job to end',
    );
    expect(job).toMatchObject({ status: 'completed', total: 2, counts: { succeeded: 2 }, selection: { importId: selection.importId } });
    const languages = Object.fromEntries((await people().find({ tenantId: tenant }).toArray()).map((p) => [p.userId, p.language]));
    expect(languages).toEqual({ admin: 'en', ann: 'nl', bob: 'nl', cem: 'en' });
    expect((await people().findOne({ _id: `${other}:dee` }))?.language).toBe('en');
  });

  it('enrols and withdraws exactly the people of an uploaded file of e-mails', async () => {
    const participants = [await system.startParticipant('learning'), await system.startParticipant('communications')];
    try {
      await system
        .db('learning')
        .collection('courses')
        .insertOne({ _id: `${tenant}:c-csv`, tenantId: tenant, courseId: 'c-csv', title: 'Working with files', kind: 'course' } as never);
      const upload = await call<ImportSummary>(
        'POST',
        '/v1/imports?purpose=select',
        ['email', `ann@${tenant}.test`, `cem@${tenant}.test`].join('\n'),
        'text/csv',
      );
      expect(upload.body).toMatchObject({ purpose: 'select', rows: 2, valid: 2, invalid: 0 });
      const selection = { importId: upload.body.importId };
      const runJob = async (action: string) => {
        const submitted = await call<{ id: string }>('POST', '/v1/batch-jobs', { action, params: { courseIds: ['c-csv'] }, selection });
        expect(submitted.status).toBe(202);
        return eventually(
          async () => {
            const view = await call<JobView>('GET', `/v1/batch-jobs/${submitted.body.id}`);
            return ['completed', 'failed'].includes(view.body.status) && view.body;
          },
          60_000,
          `the ${action} job to end`,
        );
      };
      const enrolled = async () =>
        (
          await system
            .db('learning')
            .collection<{ userId: string; enrolments: { courseId: string }[] }>('learners')
            .find({ tenantId: tenant })
            .toArray()
        )
          .filter((l) => l.enrolments.some((e) => e.courseId === 'c-csv'))
          .map((l) => l.userId)
          .sort();

      expect(await runJob('enrol')).toMatchObject({ status: 'completed', total: 2, counts: { succeeded: 2 } });
      expect(await enrolled()).toEqual(['ann', 'cem']);
      expect(await runJob('withdraw')).toMatchObject({ status: 'completed', total: 2, counts: { succeeded: 2 } });
      expect(await enrolled()).toEqual([]);
    } finally {
      for (const app of participants) await app.close();
    }
  });

  it('keeps an invite import for invite-users only', async () => {
    const upload = await call<ImportSummary>('POST', '/v1/imports', `email\nnew@${tenant}.test\n`, 'text/csv');
    expect(upload).toMatchObject({ status: 201, body: { purpose: 'invite', valid: 1 } });
    const preview = await call('POST', '/v1/batch-jobs/preview', {
      action: 'change-language',
      params: { language: 'nl' },
      selection: { importId: upload.body.importId },
    });
    expect(preview).toMatchObject({ status: 400, body: { code: 'COMMAND.INVALID_SELECTION', details: { field: 'selection.importId' } } });
  });

  it("scopes identity's directory to the given people (a Manager's scope) on the real store", async () => {
    const search = (body: object) => postJson<DirectoryPage>(`${process.env.IDENTITY_URL}/internal/tenants/${tenant}/people/search`, body);
    const scoped = await search({ filter: {}, scopeUserIds: ['ann', 'cem', 'dee', 'nobody'] });
    expect(scoped.status).toBe(200);
    expect(scoped.body.items.map((p) => p.userId)).toEqual(['ann', 'cem']);
    expect(scoped.body.total).toBe(2);
    const filtered = await search({ filter: { statuses: ['invited'] }, scopeUserIds: ['ann', 'bob'], limit: 1 });
    expect(filtered.body).toMatchObject({ items: [{ userId: 'bob' }], nextCursor: null, total: 1 });
    const nobody = await search({ filter: {}, scopeUserIds: [] });
    expect(nobody.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
