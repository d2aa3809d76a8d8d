import request from 'supertest';
import { IMPORT_MAX_BYTES } from '@cohort/contracts';
import { bearer, GatewayUnderTest, startGateway, TEST_SECRET } from '../testing/gateway-test-app';
import { XLSX_TYPE } from './people-file';

describe('POST /v1/imports', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const imports = '/internal/tenants/acme/imports';
  const summary = {
    importId: 'imp1',
    purpose: 'invite',
    rows: 2,
    valid: 1,
    invalid: 1,
    errors: [{ row: 3, column: 'email', message: 'not an e-mail address' }],
  };
  const csv = Buffer.from('email,name\nann@acme.test,Ann\nnot-an-email,Bob\n');

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    gw.identity.reset();
    gw.identity.reply('POST', imports, 201, summary);
  });

  it("forwards a raw CSV body byte for byte to identity for the caller's tenant: 201 ImportSummary", async () => {
    await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(csv).expect(201, summary);
    const sent = gw.identity.last();
    expect(sent.query.get('format')).toBe('csv');
    expect(sent.headers['content-type']).toBe('text/csv');
    expect(Buffer.compare(sent.body as Buffer, csv)).toBe(0);
  });

  it('forwards ?purpose=select to identity, and says purpose=invite by default', async () => {
    await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(gw.identity.last().query.get('purpose')).toBe('invite');
    await http().post('/v1/imports?purpose=select').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(Object.fromEntries(gw.identity.last().query)).toEqual({ format: 'csv', purpose: 'select' });
  });

  it('lets whoever may run an action besides invite-users upload a select file, and only inviters an invite file', async () => {
    const hr = bearer({ sub: 'u-hr', role: 'HR' });
    await http().post('/v1/imports?purpose=select').set('Authorization', hr).set('Content-Type', 'text/csv').send(csv).expect(201);
    const invite = await http().post('/v1/imports').set('Authorization', hr).set('Content-Type', 'text/csv').send(csv).expect(403);
    expect(invite.body).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { action: 'invite-users' } });
    // the invitations permission also grants resend-invitation and cancel-invitation, which a file may select for
    const inviter = bearer({ sub: 'u-inv', role: 'Learner', perms: ['invitations'] });
    await http().post('/v1/imports?purpose=select').set('Authorization', inviter).set('Content-Type', 'text/csv').send(csv).expect(201);
    gw.identity.reset();
    for (const caller of [{ role: 'Reporter' as const }, { role: 'Manager' as const }]) {
      const res = await http()
        .post('/v1/imports?purpose=select')
        .set('Authorization', bearer(caller))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(403);
      expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect(gw.identity.received).toHaveLength(0);
  });

  it('answers 400 naming purpose for an unknown purpose, without calling identity', async () => {
    const res = await http().post('/v1/imports?purpose=enrol').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(csv).expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'purpose' } });
    expect(gw.identity.received).toHaveLength(0);
  });

  it('takes an XLSX by its media type, and application/octet-stream with ?format=', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', XLSX_TYPE).send(xlsx).expect(201);
    expect(gw.identity.last()).toMatchObject({ headers: { 'content-type': XLSX_TYPE } });
    expect(gw.identity.last().query.get('format')).toBe('xlsx');
    await http().post('/v1/imports?format=csv').set('Authorization', bearer()).set('Content-Type', 'application/octet-stream').send(csv).expect(201);
    expect(gw.identity.last().query.get('format')).toBe('csv');
  });

  it('takes the file field of multipart/form-data, its format from the file name', async () => {
    await http()
      .post('/v1/imports')
      .set('Authorization', bearer())
      .attach('file', csv, { filename: 'people.CSV', contentType: 'application/vnd.ms-excel' })
      .expect(201, summary);
    expect(gw.identity.last().query.get('format')).toBe('csv');
    expect(Buffer.compare(gw.identity.last().body as Buffer, csv)).toBe(0);
  });

  it.each([
    ['octet-stream without ?format', '', 'application/octet-stream', 'format'],
    ['an unknown ?format', '?format=ods', 'text/csv', 'format'],
    ['a JSON body', '', 'application/json', 'Content-Type'],
    ['another query parameter', '?colour=blue', 'text/csv', 'colour'],
  ])('answers 400 to %s naming %s, without calling identity', async (_case, query, type, field) => {
    const body = type === 'application/json' ? '{"rows":[]}' : csv;
    const res = await http().post(`/v1/imports${query}`).set('Authorization', bearer()).set('Content-Type', type).send(body).expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
    expect(gw.identity.received).toHaveLength(0);
  });

  it('answers 400 naming file to an empty file or a form without the file field', async () => {
    const empty = await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', 'text/csv').send('').expect(400);
    expect(empty.body).toMatchObject({ details: { field: 'file' } });
    const noFile = await http().post('/v1/imports').set('Authorization', bearer()).field('note', 'x').expect(400);
    expect(noFile.body).toMatchObject({ details: { field: 'file' } });
    const otherField = await http().post('/v1/imports').set('Authorization', bearer()).attach('upload', csv, 'people.csv').expect(400);
    expect(otherField.body).toMatchObject({ details: { field: 'file' } });
    expect(gw.identity.received).toHaveLength(0);
  });

  it(`refuses a file over ${IMPORT_MAX_BYTES} bytes with 413 IDENTITY.IMPORT_TOO_LARGE without forwarding it`, async () => {
    const huge = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    const raw = await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(huge).expect(413);
    expect(raw.body).toMatchObject({ code: 'IDENTITY.IMPORT_TOO_LARGE', details: { field: 'file', maxBytes: IMPORT_MAX_BYTES } });
    const form = await http().post('/v1/imports').set('Authorization', bearer()).attach('file', huge, 'people.csv').expect(413);
    expect(form.body).toMatchObject({ code: 'IDENTITY.IMPORT_TOO_LARGE' });
    expect(gw.identity.received).toHaveLength(0);
  });

  it('takes a file of exactly the limit (the 4 MB JSON limit does not apply)', async () => {
    await http()
      .post('/v1/imports')
      .set('Authorization', bearer())
      .set('Content-Type', 'text/csv')
      .send(Buffer.alloc(IMPORT_MAX_BYTES, 'a'))
      .expect(201);
  });

  it('needs the invitations permission: 403 for a Learner, unless they hold it', async () => {
    const res = await http()
      .post('/v1/imports')
      .set('Authorization', bearer({ role: 'Learner' }))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(403);
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { action: 'invite-users' } });
    expect(gw.identity.received).toHaveLength(0);
    const granted = bearer({ role: 'Learner' }, TEST_SECRET, { permissions: ['invitations'] });
    await http().post('/v1/imports').set('Authorization', granted).set('Content-Type', 'text/csv').send(csv).expect(201);
  });

  it("passes identity's errors through", async () => {
    const invalid = { code: 'IDENTITY.INVALID_REQUEST', message: 'file: no email column', details: { field: 'file' } };
    gw.identity.reply('POST', imports, 400, invalid);
    await http().post('/v1/imports').set('Authorization', bearer()).set('Content-Type', 'text/csv').send(csv).expect(400, invalid);
  });
});
