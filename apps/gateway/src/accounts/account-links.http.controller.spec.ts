import request from 'supertest';
import { GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('e-mailed token links (public)', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const accepted = { tenantId: 'acme', userId: 'u-7', status: 'active' };
  const password = 'correct horse battery';

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.identity.reset());

  describe('POST /v1/invitations/:token/accept', () => {
    it('activates without a bearer token, handing identity the token of the path', async () => {
      gw.identity.reply('POST', '/internal/invitations/accept', 200, accepted);
      await http().post('/v1/invitations/inv.T0KEN/accept').send({ name: 'Ann', password }).expect(200, accepted);
      expect(gw.identity.last().body).toEqual({ token: 'inv.T0KEN', name: 'Ann', password });
      expect(gw.accounts.lookups).toHaveLength(0);
    });

    it('takes no body at all', async () => {
      gw.identity.reply('POST', '/internal/invitations/accept', 200, accepted);
      await http().post('/v1/invitations/inv.T0KEN/accept').expect(200, accepted);
      expect(gw.identity.last().body).toEqual({ token: 'inv.T0KEN' });
    });

    it("passes identity's 400 IDENTITY.TOKEN_INVALID through", async () => {
      const invalid = { code: 'IDENTITY.TOKEN_INVALID', message: 'this link is not valid (any more)', details: { field: 'token' } };
      gw.identity.reply('POST', '/internal/invitations/accept', 400, invalid);
      await http().post('/v1/invitations/used/accept').send({}).expect(400, invalid);
    });

    it.each([
      ['password', { password: 'short' }],
      ['name', { name: '' }],
      ['role', { role: 'Owner' }],
    ])('answers 400 naming %s without calling identity', async (field, body) => {
      const res = await http().post('/v1/invitations/inv.T0KEN/accept').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
      expect(gw.identity.received).toHaveLength(0);
    });

    it('answers 400 naming token, without echoing it, for a token over 512 characters', async () => {
      const token = 'x'.repeat(513);
      const res = await http().post(`/v1/invitations/${token}/accept`).send({}).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'token' } });
      expect(JSON.stringify(res.body)).not.toContain(token);
    });
  });

  describe('POST /v1/password-resets/:token', () => {
    it('sets the new password without a bearer token', async () => {
      gw.identity.reply('POST', '/internal/password-resets/complete', 200, accepted);
      await http().post('/v1/password-resets/rst.T0KEN').send({ password }).expect(200, accepted);
      expect(gw.identity.last().body).toEqual({ token: 'rst.T0KEN', password });
    });

    it.each([
      [400, 'IDENTITY.TOKEN_INVALID'],
      [410, 'IDENTITY.TOKEN_EXPIRED'],
    ])("passes identity's %s %s through", async (status, code) => {
      const error = { code, message: 'no', details: { field: 'token' } };
      gw.identity.reply('POST', '/internal/password-resets/complete', status, error);
      await http().post('/v1/password-resets/rst.T0KEN').send({ password }).expect(status, error);
    });

    it('answers 400 naming password when it is missing or short', async () => {
      for (const body of [{}, { password: 'short' }]) {
        const res = await http().post('/v1/password-resets/rst.T0KEN').send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'password' } });
      }
      expect(gw.identity.received).toHaveLength(0);
    });
  });
});
