import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway, TEST_SECRET } from '../testing/gateway-test-app';

// its own file: the gateway module reads the service URLs once, when first imported
describe('bearer authentication with the account cache', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway({ GATEWAY_AUTH_CACHE_MS: '60000' });
  });
  afterAll(() => gw?.close());

  it('reuses a caller’s account within GATEWAY_AUTH_CACHE_MS instead of asking identity per request', async () => {
    const token = bearer({ sub: 'u-cached' });
    const before = gw.accounts.lookups.length;
    for (let i = 0; i < 3; i++) await request(gw.app.getHttpServer()).get('/v1/actions').set('Authorization', token).expect(200);
    expect(gw.accounts.lookups.length - before).toBe(1);
    bearer({ sub: 'u-cached' }, TEST_SECRET, { status: 'deactivated' }); // deactivated meanwhile: still let in until the window ends
    await request(gw.app.getHttpServer()).get('/v1/actions').set('Authorization', token).expect(200);
  });
});
