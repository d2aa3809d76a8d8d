import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express from 'express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { join, sep } from 'node:path';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { toErrorResponse } from '../http/http-error.filter';
import { IdentityClient } from '../upstream/identity.client';
import { CONSOLE_CONFIG, ConsoleConfig } from './console.config';
import { isConsolePage } from './console-paths';
import { DevSignIn, devSignInOff } from './dev-sign-in';

/** Hashed bundles never change under their name (a year, immutable); anything else is revalidated. */
const ASSET_CACHE = `public, max-age=${365 * 86400}, immutable`;

/**
 * The admin console at `/`: the built single-page app (`npm run build:console`) as static files, its
 * index.html for every other GET that is not the API (`/v1`), the docs, the probes or `/console/*`, and
 * `/console/config.json` (whether development sign-in is on). Registered on the HTTP adapter in
 * onModuleInit — after the API's routes, before the 404 handler — so it never shadows a route of the API
 * and needs no bearer token: the console holds no data, every call it makes carries the user's token.
 */
@Injectable()
export class ConsoleSite implements OnModuleInit {
  private readonly logger = new Logger(ConsoleSite.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly identity: IdentityClient,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return; // an application context without HTTP
    const app = adapter.getInstance<Express>();
    const { dir, devSignIn, devTenant } = this.config;
    app.get('/console/config.json', (_req, res) => {
      res.set('cache-control', 'no-store').json({ devSignIn, devTenant });
    });
    this.devRoutes(app);
    if (!dir) {
      this.logger.warn('the admin console is not built (npm run build:console): / answers 503');
      app.get(/.*/, (req, res, next) => (isConsolePage(req.path) ? res.status(503).type('text/plain').send(NOT_BUILT) : next()));
      return;
    }
    const assets = join(dir, 'assets') + sep;
    app.use(
      express.static(dir, {
        index: false,
        setHeaders: (res, path) => res.setHeader('cache-control', path.startsWith(assets) ? ASSET_CACHE : 'no-cache'),
      }),
    );
    const index = join(dir, 'index.html');
    app.get(/.*/, (req, res, next) => {
      if (!isConsolePage(req.path)) return next();
      res.set('cache-control', 'no-cache').sendFile(index);
    });
  }

  private devRoutes(app: Express): void {
    if (!this.config.devSignIn) {
      app.all(/^\/console\/dev(\/.*)?$/, (_req, res) => answerError(res, devSignInOff()));
      return;
    }
    this.logger.warn('development sign-in is ON (CONSOLE_DEV_SIGNIN): anyone reaching the gateway can sign in as any active person');
    const dev = new DevSignIn(this.identity, this.service.jwtSecret);
    app.get(
      '/console/dev/people',
      handle((req) => dev.people(req.query.tenant ?? this.config.devTenant)),
    );
    app.post(
      '/console/dev/token',
      handle((req) => dev.token(req.body)),
    );
  }
}

const NOT_BUILT = 'The admin console has not been built: run `npm run build:console` (npm start does it), then reload.\n';

/** An async JSON route whose errors are answered as the API answers them: `{code, message, details}`. */
function handle(run: (req: Request) => Promise<unknown>): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    run(req).then(
      (body) => res.set('cache-control', 'no-store').json(body),
      (err: unknown) => answerError(res, err),
    );
  };
}

function answerError(res: Response, err: unknown): void {
  const { status, body } = toErrorResponse(err);
  res.status(status).json(body);
}
