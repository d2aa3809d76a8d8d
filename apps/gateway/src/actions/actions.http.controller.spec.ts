import request from 'supertest';
import { ACTION_IDS } from '@cohort/contracts';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('GET /v1/actions', () => {
  let gw: GatewayUnderTest;
  const actions = async (claims: Parameters<typeof bearer>[0]) =>
    (await request(gw.app.getHttpServer()).get('/v1/actions').set('Authorization', bearer(claims)).expect(200)).body as { id: string }[];

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());

  it('gives a Learner nothing', async () => {
    expect(await actions({ role: 'Learner' })).toEqual([]);
  });

  it('gives an Admin every action but delete, and delete with the delete permission', async () => {
    expect((await actions({ role: 'Admin' })).map((a) => a.id)).toEqual(ACTION_IDS.filter((id) => id !== 'delete'));
    expect((await actions({ role: 'Admin', perms: ['delete'] })).map((a) => a.id)).toContain('delete');
  });

  it('gives HR the HR list', async () => {
    expect((await actions({ role: 'HR' })).map((a) => a.id).sort()).toEqual(
      ['add-labels', 'add-specialisms', 'add-task', 'remove-labels', 'send-notification', 'share-content'].sort(),
    );
  });

  it('describes each action with the JSON Schema of its parameters', async () => {
    const changeRole = (await actions({ role: 'Owner' })).find((a) => a.id === 'change-role');
    expect(changeRole).toEqual({
      id: 'change-role',
      service: 'identity',
      title: expect.any(String),
      description: expect.any(String),
      reversible: true,
      destructive: expect.any(Boolean),
      paramsSchema: expect.objectContaining({
        type: 'object',
        properties: expect.objectContaining({ role: expect.objectContaining({ enum: expect.arrayContaining(['Admin']) }) }),
      }),
    });
  });
});
