import { Producer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { SMTPServer } from 'smtp-server';
import { signToken } from '@cohort/auth';
import { ItemView, TOPICS } from '@cohort/contracts';
import { eventually, plainProducer, uniqueTenant } from '@cohort/testing';
import { BuiltService, buildServices, freePort, startBuiltService } from '../support/built-services';
import { gatewayClient } from '../support/gateway-client';
import { personDoc } from '../support/system';

const SERVICES = ['identity', 'orchestrator', 'communications', 'gateway'] as const;
const JWT_SECRET = 'jwt-secret-for-the-log-test-4711';
const IDENTITY_TOKEN_SECRET = 'identity-token-secret-for-the-log-test-0815';
const SMTP_USER = 'cohort-mailer';
const SMTP_PASSWORD = 'Smtp0Secret7Pass9';
const INVITEE_PASSWORD = 'Invitee-Passw0rd-From-The-Mail';
const RESET_PASSWORD = 'Reset-Passw0rd-After-The-Link';

/** A plain-text mail part as written on the wire: quoted-printable soft breaks and escapes undone. */
const unQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * No secret reaches a log line: the identity, orchestrator, communications and gateway services run as
 * their built processes at LOG_LEVEL=trace with every line they write captured, while a whole flow goes
 * through them — a bearer token on every call (also offered as `?access_token=`, as an SSE client might),
 * an invitation and a password-reset e-mailed over SMTP with credentials in SMTP_URL, both links used
 * with a new password, a wrong link, a command on the Kafka topic resetting an access code. Afterwards no
 * log line holds the bearer token or its signature, the invitation or reset token or its secret, a
 * password, the SMTP credentials, the access code, JWT_SECRET or IDENTITY_TOKEN_SECRET.
 */
describe('security: secrets and tokens never reach the logs', () => {
  const tenant = uniqueTenant('seclog');
  const services: Partial<Record<(typeof SERVICES)[number], BuiltService>> = {};
  let smtp: SMTPServer;
  let mongo: MongoClient;
  let producer: Producer;
  let base: string;
  const mails: string[] = [];
  const call = gatewayClient(() => base);
  const bearerToken = signToken({ sub: 'owner', tid: tenant, role: 'Owner', email: `owner@${tenant}.test` }, JWT_SECRET);
  const owner = `Bearer ${bearerToken}`;
  /** every secret the flow handled, by what it is */
  const secrets: Record<string, string> = {
    'the bearer token': bearerToken,
    "the bearer token's signature": bearerToken.split('.')[2],
    JWT_SECRET,
    IDENTITY_TOKEN_SECRET,
    'the SMTP password': SMTP_PASSWORD,
    "the invitee's password": INVITEE_PASSWORD,
    'the new password': RESET_PASSWORD,
  };

  async function runJob(action: string, userIds: string[], params: Record<string, unknown> = {}): Promise<string> {
    const job = await call('POST', '/v1/batch-jobs', owner, { action, params, selection: { userIds } });
    expect(job.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${job.body.id}`, owner)).body.status === 'completed', 90_000, action);
    return job.body.id as string;
  }

  beforeAll(async () => {
    buildServices();
    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: SMTP_USER });
        callback(new Error('invalid credentials'));
      },
      onData(stream, _session, callback) {
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(parts).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

    mongo = await MongoClient.connect(process.env.MONGO_URL!);
    await mongo
      .db(`${process.env.MONGO_DB_PREFIX}_identity`)
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        personDoc(tenant, 'invitee', { status: 'invited', invitation: { sentCount: 1, sentAt: new Date(), tokenHash: null, cancelledAt: null } }),
        personDoc(tenant, 'resetter'),
        personDoc(tenant, 'anon', { anonymous: true, accessCodeHash: null }),
      ] as never[]);

    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)));
    const unused = `http://127.0.0.1:${await freePort()}`;
    const env = {
      LOG_LEVEL: 'trace',
      JWT_SECRET,
      IDENTITY_TOKEN_SECRET,
      SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`,
      IDENTITY_URL: `http://127.0.0.1:${ports.identity}`,
      ORCHESTRATOR_URL: `http://127.0.0.1:${ports.orchestrator}`,
      COMMUNICATIONS_URL: `http://127.0.0.1:${ports.communications}`,
      MEMBERSHIP_URL: unused,
      LEARNING_URL: unused,
      GATEWAY_RATE_LIMIT: '100000',
    };
    for (const service of SERVICES) services[service] = await startBuiltService(service, env, [], ports[service]);
    base = services.gateway!.url;
    producer = await plainProducer();
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    for (const service of SERVICES) await services[service]?.process.stop();
    await mongo?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('runs the flow — bearer calls, invitation and reset mails over authenticated SMTP, both links, a Kafka command — and no log line holds a secret of it', async () => {
    // a client that puts its token in the query string (as an EventSource would) is refused, and not logged
    expect((await call('GET', `/v1/batch-jobs?access_token=${bearerToken}`)).status).toBe(401);
    expect((await call('GET', '/v1/actions', owner)).status).toBe(200);

    await runJob('resend-invitation', ['invitee']);
    await runJob('send-password-reset', ['resetter']);
    // this spec's two mails, by recipient: its communications service may also work off mail commands an
    // earlier spec left on the shared topic (at-least-once, as it should), and those arrive here too
    const mailTo = (userId: string) => mails.map(unQuotedPrintable).find((m) => new RegExp(`^To:.*\\b${userId}@${tenant}\\.test`, 'im').test(m));
    await eventually(async () => mailTo('invitee') !== undefined && mailTo('resetter') !== undefined, 60_000, 'the two e-mails');
    const invitation = decodeURIComponent(/\/console\/#\/invitation\/([A-Za-z0-9._~%-]+)/.exec(mailTo('invitee')!)![1]);
    const reset = decodeURIComponent(/\/console\/#\/password-reset\/([A-Za-z0-9._~%-]+)/.exec(mailTo('resetter')!)![1]);
    Object.assign(secrets, {
      'the invitation token': invitation,
      "the invitation token's secret": invitation.split('.')[1],
      'the reset token': reset,
      "the reset token's secret": reset.split('.')[1],
    });

    const accepted = await call('POST', `/v1/invitations/${encodeURIComponent(invitation)}/accept`, undefined, {
      name: 'Ivy',
      password: INVITEE_PASSWORD,
    });
    expect(accepted).toMatchObject({ status: 200, body: { userId: 'invitee', status: 'active' } });
    const again = await call('POST', `/v1/invitations/${encodeURIComponent(invitation)}/accept`, undefined, { password: INVITEE_PASSWORD });
    expect(again).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
    const completed = await call('POST', `/v1/password-resets/${encodeURIComponent(reset)}`, undefined, { password: RESET_PASSWORD });
    expect(completed.status).toBe(200);

    // another internal service asks for a new access code over Kafka; the code is shown once, in the results
    const commandId = `logs-${tenant}`;
    const command = {
      commandId,
      tenantId: tenant,
      actor: { userId: 'owner' },
      action: 'update-properties',
      params: { resetAccessCode: true },
      selection: { userIds: ['anon'] },
    };
    await producer.send({ topic: TOPICS.commands, messages: [{ key: tenant, value: JSON.stringify(command) }] });
    const item = await eventually(
      async () => {
        const jobs = await call('GET', '/v1/batch-jobs?action=update-properties', owner);
        const job = (jobs.body.items as { id: string; status: string }[] | undefined)?.find((j) => j.status === 'completed');
        if (!job) return undefined;
        const items = await call('GET', `/v1/batch-jobs/${job.id}/items`, owner);
        return (items.body.items as ItemView[])[0];
      },
      60_000,
      'the access-code job',
    );
    const accessCode = String((item.data as { accessCode?: string } | undefined)?.accessCode);
    expect(accessCode.length).toBeGreaterThanOrEqual(6);
    secrets['the access code'] = accessCode;

    // stop the services so every buffered line is written, then read everything they wrote
    for (const service of SERVICES) await services[service]!.process.stop();
    const logs = Object.fromEntries(SERVICES.map((s) => [s, services[s]!.output()]));
    for (const service of SERVICES) expect([service, logs[service].split('\n').length]).toEqual([service, expect.any(Number)]);
    // the capture is real: the flow's requests are there, with the links' tokens masked
    expect(logs.gateway).toContain('/v1/invitations/[token]/accept');
    expect(logs.gateway).toContain('/v1/batch-jobs?access_token=[Redacted]');
    expect(logs.identity).toContain('/internal/invitations/accept');
    process.stdout.write(`\n[logs] ${SERVICES.map((s) => `${s}: ${logs[s].split('\n').length} lines`).join(', ')}\n`);

    const found = SERVICES.flatMap((service) =>
      Object.entries(secrets)
        .filter(([, secret]) => secret.length >= 6 && logs[service].includes(secret))
        .map(
          ([what, secret]) =>
            `${service} logged ${what}: …${logs[service]
              .split('\n')
              .find((l) => l.includes(secret))
              ?.slice(0, 300)}`,
        ),
    );
    expect(found).toEqual([]);
  });
});
