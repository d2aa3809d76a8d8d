import { parse } from 'csv-parse/sync';
import { signToken } from '@cohort/auth';
import { eventually, uniqueTenant } from '@cohort/testing';
import { gatewayClient } from '../support/gateway-client';
import { CohortSystem, personDoc, startSystem } from '../support/system';

/** Values a spreadsheet would run as a formula (or that smuggle one in after a tab or carriage return). */
const HOSTILE = ['=1+2', '+1+2', '-1+2', '@SUM(1)', '\t=1+2', '\r=1+2', '=HYPERLINK("http://evil.test","x")'];
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV injection through the real system: hostile values reach results.csv the two ways a caller or the
 * store can put them there — user ids of the selection (each a failed row) and prior values stored on
 * people (legacy data, reported in `before`) — and the downloaded bytes hold every one of them as text:
 * a leading `'` before `=`, `+`, `-`, `@`, tab and carriage return, the value otherwise intact.
 */
describe('security: CSV exports neutralise formula injection', () => {
  const tenant = uniqueTenant('seccsv');
  let system: CohortSystem;
  let base: string;
  const call = gatewayClient(() => base);
  const admin = `Bearer ${signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` })}`;
  // stored languages as a legacy import could have left them
  const legacy = HOSTILE.map((language, i) => personDoc(tenant, `legacy${i}`, { language }));

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '100000' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await system
      .db('identity')
      .collection('people')
      .insertMany([personDoc(tenant, 'admin', { role: 'Admin' }), ...legacy] as never[]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('results.csv holds hostile user ids and prior values as text, byte for byte', async () => {
    const idsThatPassTheContract = HOSTILE.filter((v) => !/[\s:]/.test(v)); // user ids have no spaces or colons
    const job = await call('POST', '/v1/batch-jobs', admin, {
      action: 'change-language',
      params: { language: 'nl' },
      selection: { userIds: [...legacy.map((p) => p.userId), ...idsThatPassTheContract] },
    });
    expect(job.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${job.body.id}`, admin)).body.status === 'completed', 60_000, 'the job');

    const res = await fetch(`${base}/v1/batch-jobs/${job.body.id}/results.csv`, { headers: { authorization: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const [header, ...rows] = parse(bytes, { relax_column_count: false }) as string[][];
    expect(header.slice(0, 3)).toEqual(['userId', 'status', 'code']);
    expect(rows).toHaveLength(legacy.length + idsThatPassTheContract.length);

    // no cell of the file starts like a formula
    for (const row of rows) for (const cell of row) expect([cell, FORMULA_START.test(cell)]).toEqual([cell, false]);
    const column = (name: string) => header.indexOf(name);
    const byUser = new Map(rows.map((r) => [r[column('userId')], r]));
    for (const [i, value] of HOSTILE.entries()) {
      // the prior value, as text
      expect(byUser.get(`legacy${i}`)?.[column('before')]).toBe(`'${value}`);
    }
    for (const id of idsThatPassTheContract) {
      expect(byUser.get(`'${id}`)?.slice(0, 3)).toEqual([`'${id}`, 'failed', 'IDENTITY.NOT_FOUND']);
    }
    // and in the raw bytes: no field (after a separator, quoted or not) begins like a formula
    expect(bytes.toString('utf8')).not.toMatch(/(^|[,\n])"?[=+\-@\t\r]/);
  });
});
