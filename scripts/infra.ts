/** `npm run infra:up | infra:down | infra:status`: the local Kafka, MongoDB-protocol server and SMTP sink. */
import { InfraError, infraDown, infraStatus, infraUp } from '@cohort/testing';

const log = (line: string) => process.stdout.write(`[infra] ${line}\n`);

async function main(cmd: string | undefined): Promise<void> {
  switch (cmd) {
    case 'up': {
      const { env } = await infraUp(log);
      for (const [k, v] of Object.entries(env)) log(`${k}=${v}`);
      return;
    }
    case 'down':
      return infraDown(undefined, log);
    case 'status':
      for (const [k, v] of Object.entries(await infraStatus())) log(`${k.padEnd(6)} ${v}`);
      return;
    default:
      throw new InfraError('usage: infra.ts up|down|status');
  }
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`[infra] ${err instanceof InfraError ? err.message : String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
