import request from 'supertest';
import { binaryBody } from '../testing/binary-body';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';
import { certificateOwnerFilter } from './certificates.http.controller';

describe('certificateOwnerFilter', () => {
  it('lets holders of the certificates permission read any certificate, everyone else only their own', () => {
    expect(certificateOwnerFilter({ sub: 'u-1', role: 'Admin' })).toBeUndefined();
    expect(certificateOwnerFilter({ sub: 'u-1', role: 'Learner', perms: ['certificates'] })).toBeUndefined();
    expect(certificateOwnerFilter({ sub: 'u-1', role: 'HR' })).toBe('u-1');
    expect(certificateOwnerFilter({ sub: 'u-1', role: 'Learner' })).toBe('u-1');
  });
});

describe('GET /v1/certificates/:id/pdf', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const path = '/internal/tenants/acme/certificates/cert-1/pdf';
  const pdf = Buffer.from('%PDF-1.7 fake');

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    gw.learning.reset();
    gw.learning.on('GET', path, (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf));
  });

  it("streams any of the tenant's certificates to a caller with the certificates permission", async () => {
    const res = await http().get('/v1/certificates/cert-1/pdf').set('Authorization', bearer()).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="certificate-cert-1.pdf"');
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    expect(gw.learning.last().query.has('userId')).toBe(false);
  });

  it('asks learning for the caller’s own certificate only otherwise, and passes its 404 on', async () => {
    await http()
      .get('/v1/certificates/cert-1/pdf')
      .set('Authorization', bearer({ sub: 'u-ann', role: 'Learner' }))
      .expect(200);
    expect(gw.learning.last().query.get('userId')).toBe('u-ann');
    const missing = { code: 'LEARNING.NOT_FOUND', message: 'no certificate cert-2', details: {} };
    gw.learning.reply('GET', '/internal/tenants/acme/certificates/cert-2/pdf', 404, missing);
    await http()
      .get('/v1/certificates/cert-2/pdf')
      .set('Authorization', bearer({ sub: 'u-ann', role: 'Learner' }))
      .expect(404, missing);
  });

  it('answers 400 naming id for a malformed id, and 503 when learning is down', async () => {
    const bad = await http().get('/v1/certificates/a%3Ab/pdf').set('Authorization', bearer()).expect(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'id' } });
    gw.learning.reply('GET', path, 503, { code: 'X', message: 'down' });
    const down = await http().get('/v1/certificates/cert-1/pdf').set('Authorization', bearer()).expect(503);
    expect(down.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'learning' } });
  });
});
