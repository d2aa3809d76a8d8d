/** `npm run -s token -- --tenant demo --email owner@demo.test [--ttl 12h]`: prints a bearer JWT for a seeded person. */
import { Command } from 'commander';
import { MongoClient } from 'mongodb';
import { CohortClaims, Role, signToken } from '@cohort/auth';

export interface PersonLookup {
  tenantId: string;
  email: string;
  dbPrefix?: string;
}

interface PersonFields {
  userId: string;
  tenantId: string;
  role: Role;
  email: string;
  permissions?: string[];
  status?: string;
}

/** The claims of the person with this email in the tenant, with their status; null when there is none. */
export async function findClaims(mongoUrl: string, lookup: PersonLookup): Promise<{ claims: CohortClaims; status?: string } | null> {
  const dbPrefix = lookup.dbPrefix ?? process.env.MONGO_DB_PREFIX ?? 'cohort';
  const client = await new MongoClient(mongoUrl).connect();
  try {
    const person = await client
      .db(`${dbPrefix}_identity`)
      .collection<PersonFields>('people')
      .findOne({ tenantId: lookup.tenantId, email: lookup.email.trim().toLowerCase() });
    if (!person) return null;
    const claims: CohortClaims = { sub: person.userId, tid: person.tenantId, role: person.role, email: person.email };
    if (person.permissions?.length) claims.perms = person.permissions;
    return { claims, status: person.status };
  } finally {
    await client.close();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const opts = new Command('token')
    .description('Print a bearer JWT (only the token) for a person of a seeded tenant.')
    .option('--tenant <tenantId>', 'tenant id', 'demo')
    .requiredOption('--email <email>', "the person's email")
    .option('--ttl <timespan>', 'lifetime, e.g. 12h, 30m, 7d or seconds', '12h')
    .option('--mongo-url <url>', 'MongoDB URL', process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/')
    .parse(argv)
    .opts<{ tenant: string; email: string; ttl: string; mongoUrl: string }>();

  const found = await findClaims(opts.mongoUrl, { tenantId: opts.tenant, email: opts.email });
  if (!found) throw new UsageError(`no person with email "${opts.email}" in tenant "${opts.tenant}" (is it seeded? npm run seed)`);
  if (found.status && found.status !== 'active') process.stderr.write(`[token] note: ${opts.email} is ${found.status}\n`);
  const ttl = /^\d+$/.test(opts.ttl) ? Number(opts.ttl) : opts.ttl;
  process.stdout.write(`${signToken(found.claims, undefined, ttl)}\n`);
}

if (require.main === module) {
  main(process.argv).catch((err: unknown) => {
    process.stderr.write(`[token] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
