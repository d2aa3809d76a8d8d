import { INestApplication, Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { openApiSchemas } from './openapi-schemas';

export const DOCS_PATH = 'docs';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Cohort API')
    .setDescription(
      'Batch actions on the people of a learning platform. Every route but /health, /metrics, /docs and the e-mailed ' +
        'links (accept an invitation, reset a password) needs `Authorization: Bearer <jwt>`; tenant and user come from the ' +
        'token, role and permissions from the stored account, which must be active. A deactivation or change of role takes ' +
        'effect within GATEWAY_AUTH_CACHE_MS (2 s by default). Errors are `{code, message, details}`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addTag('people', 'The tenant’s people directory and profiles')
    .addTag('groups', 'Teams and groups to pick from')
    .addTag('courses', 'Courses, learning paths and series to pick from')
    .addTag('certificates', 'Certificate PDFs')
    .addTag('actions', 'What the caller may run')
    .addTag('batch-jobs', 'Preview, run, follow, review, cancel, retry and undo jobs; the audit of who ran what')
    .addTag('imports', 'People files: to invite, or to select existing people by e-mail')
    .addTag('accounts', 'The links e-mailed to people: accept an invitation, choose a new password')
    .build();
  config.components = { ...config.components, schemas: openApiSchemas() as NonNullable<OpenAPIObject['components']>['schemas'] };
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves Swagger UI at `/docs` and the document at `/docs-json` from inside the module, so the gateway
 * has its docs however it is started (`runService`, `startService` in tests). SwaggerModule wants the
 * application; before `app.init()` registers the 404 handler (i.e. in onModuleInit) this hands it a
 * view of the application made of what Nest injects: its HTTP adapter, modules and config.
 */
@Injectable()
export class OpenApiSetup implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModulesContainer,
    private readonly appConfig: ApplicationConfig,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // an application context without HTTP
    const app = {
      container: { getModules: () => this.modules, isGlobalModule: () => false },
      config: this.appConfig,
      getHttpAdapter: () => adapter,
      useStaticAssets: (path: string, options: object) =>
        (adapter as unknown as { useStaticAssets: (p: string, o: object) => void }).useStaticAssets(path, options),
    } as unknown as INestApplication;
    SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app), { jsonDocumentUrl: `${DOCS_PATH}-json`, raw: ['json'] });
  }
}
