import { Module } from '@nestjs/common';
import { GatewayConfigModule } from '../gateway.config';
import { IdentityClient } from '../upstream/identity.client';
import { UpstreamClient } from '../upstream/upstream.client';
import { CONSOLE_CONFIG, loadConsoleConfig } from './console.config';
import { ConsoleSite } from './console.site';

/** Serves the admin console (apps/console, built into dist/console) from the gateway at `/`. */
@Module({
  imports: [GatewayConfigModule],
  providers: [{ provide: CONSOLE_CONFIG, useFactory: () => loadConsoleConfig() }, UpstreamClient, IdentityClient, ConsoleSite],
})
export class ConsoleModule {}
