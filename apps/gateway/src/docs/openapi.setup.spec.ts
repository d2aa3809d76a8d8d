import request from 'supertest';
import { GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('OpenAPI document', () => {
  let gw: GatewayUnderTest;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, { tags?: string[]; security?: unknown[]; requestBody?: unknown; parameters?: { name: string }[] }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    gw = await startGateway();
    doc = (await request(gw.app.getHttpServer()).get('/docs-json').expect(200)).body;
  });
  afterAll(() => gw?.close());

  it('describes every public route', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /v1/people',
        'GET /v1/people/{id}',
        'GET /v1/actions',
        'POST /v1/batch-jobs/preview',
        'POST /v1/batch-jobs',
        'GET /v1/batch-jobs',
        'GET /v1/batch-jobs/{id}',
        'GET /v1/batch-jobs/{id}/items',
        'GET /v1/batch-jobs/{id}/results.csv',
        'GET /v1/batch-jobs/{id}/events',
        'POST /v1/batch-jobs/{id}/cancel',
        'POST /v1/batch-jobs/{id}/retry',
        'POST /v1/batch-jobs/{id}/undo',
        'POST /v1/imports',
        'POST /v1/invitations/{token}/accept',
        'POST /v1/password-resets/{token}',
        'GET /v1/groups',
        'GET /v1/courses',
        'GET /v1/batch-jobs/{id}/artifact',
        'GET /v1/certificates/{id}/pdf',
      ]),
    );
  });

  it('documents the profile, the pickers, the files and the import purpose', () => {
    expect(doc.paths['/v1/people/{id}'].get).toMatchObject({
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/PersonProfile' } } } } },
    });
    expect(doc.components.schemas.PersonProfile).toMatchObject({
      properties: { groups: expect.any(Object), learning: expect.any(Object), notifications: expect.any(Object), unavailable: expect.any(Object) },
    });
    expect(doc.components.schemas.GroupPickerList).toMatchObject({ properties: { items: expect.any(Object), unavailable: expect.any(Object) } });
    expect(doc.components.schemas).toMatchObject({ CourseList: expect.any(Object) });
    const artifact = doc.paths['/v1/batch-jobs/{id}/artifact'].get as unknown as { responses: Record<string, unknown> };
    expect(Object.keys(artifact.responses)).toEqual(expect.arrayContaining(['200', '403', '404', '409']));
    expect(doc.paths['/v1/imports'].post.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['format', 'purpose']));
  });

  it('requires the bearer token on the v1 routes but the e-mailed links, and tags them', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const links = ['/v1/invitations/{token}/accept', '/v1/password-resets/{token}'];
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/v1/'))) {
      for (const op of Object.values(ops)) {
        const security = links.includes(path) ? undefined : [{ bearer: [] }];
        expect({ path, security: op.security }).toEqual({ path, security });
        expect(op.tags?.length).toBeGreaterThan(0);
      }
    }
  });

  it('describes request bodies, filters and the Idempotency-Key header from the contracts', () => {
    expect(doc.paths['/v1/batch-jobs'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateJobBody' } } },
    });
    expect(doc.components.schemas.CreateJobBody).toMatchObject({ properties: { action: { enum: expect.arrayContaining(['change-role']) } } });
    expect(doc.paths['/v1/batch-jobs'].post.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(doc.paths['/v1/people'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['roles', 'hiredAfter', 'q', 'cursor', 'limit']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Preview', 'JobView', 'DirectoryPage', 'Action']));
  });

  it('documents the audit query, the people file upload and the token links', () => {
    expect(doc.paths['/v1/batch-jobs'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'actorId', 'action', 'from', 'to', 'cursor', 'limit']),
    );
    expect(doc.paths['/v1/imports'].post.requestBody).toMatchObject({
      content: { 'text/csv': expect.any(Object), 'multipart/form-data': expect.any(Object) },
    });
    expect(doc.paths['/v1/password-resets/{token}'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PasswordResetBody' } } },
    });
    expect(doc.components.schemas).toMatchObject({ ImportSummary: expect.any(Object), TokenAccepted: expect.any(Object) });
  });
});
