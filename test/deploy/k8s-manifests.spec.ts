/**
 * The Kubernetes manifests of deploy/k8s (DESIGN.md §6): a kustomize base whose files agree with each
 * other, with the Dockerfile and with libs/contracts (topics, partitions, the services' environment).
 * Most checks collect every problem and compare the list with [] so a failure names them all.
 */
import { randomBytes } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { SERVICES, ServiceName, dlqTopic, topicPlan, topicsFor, workTopic } from '@cohort/contracts';
import { SERVICE_IDS, loadConfig } from '@cohort/common/config';
import { productionSecretProblems, SERVICE_SECRETS } from '@cohort/common/production-secrets';

const root = path.resolve(__dirname, '../..');
const k8sDir = path.join(root, 'deploy/k8s');
const NAMESPACE = 'cohort';
const STRIMZI_CLUSTER = 'cohort';
/** every topic name exactly as TOPICS has it, without any KAFKA_TOPIC_PREFIX of the test process */
const TOPIC_NAMES = topicsFor('');
const PLAN = topicPlan(TOPIC_NAMES, 6);

// ---- minimal shapes of the resources read here ------------------------------------------------

type Labels = Record<string, string>;
interface Meta {
  name?: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
}
interface Probe {
  httpGet?: { path?: string; port?: number | string };
}
interface Resources {
  requests?: { cpu?: string | number; memory?: string | number };
  limits?: { cpu?: string | number; memory?: string | number };
}
interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  capabilities?: { add?: string[]; drop?: string[] };
}
interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { configMapKeyRef?: { name: string }; secretKeyRef?: { name: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: Resources;
  securityContext?: SecurityContext;
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  terminationGracePeriodSeconds?: number;
  hostNetwork?: boolean;
  hostPID?: boolean;
}
interface Deployment {
  spec: { replicas?: number; selector: { matchLabels?: Labels }; template: { metadata?: Meta; spec: PodSpec } };
}
interface Service {
  spec: { selector?: Labels; ports?: { name?: string; port: number; targetPort?: number | string }[] };
}
interface Hpa {
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: { type: string; resource?: { name: string; target?: { type?: string } } }[];
  };
}
interface Pdb {
  spec: { selector?: { matchLabels?: Labels }; minAvailable?: number | string; maxUnavailable?: number | string };
}
interface KafkaTopic {
  spec: { topicName?: string; partitions?: number; replicas?: number; config?: Record<string, string | number> };
}

interface Resource<S = unknown> {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  spec: S extends { spec: infer T } ? T : unknown;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  /** where it was read: `<file>#<document index>` */
  at: string;
}

// ---- reading deploy/k8s -------------------------------------------------------------------------

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [path.relative(k8sDir, full)] : [];
  });
}

const files = existsSync(k8sDir) ? yamlFiles(k8sDir).sort() : [];
const parseErrors: string[] = [];
const kustomization: { namespace?: string; resources?: string[]; images?: { name: string }[] } = {};
const resources: Resource[] = [];

for (const file of files) {
  parseAllDocuments(readFileSync(path.join(k8sDir, file), 'utf8')).forEach((doc, i) => {
    const at = `${file}#${i}`;
    if (doc.errors.length) return void parseErrors.push(`${at}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS() as Record<string, unknown> | null;
    if (value == null) return; // an empty document (a file of comments)
    if (path.basename(file) === 'kustomization.yaml') return void Object.assign(kustomization, value);
    resources.push({ ...(value as Omit<Resource, 'at'>), at });
  });
}

function all<S>(kind: string): Resource<S>[] {
  return resources.filter((r) => r.kind === kind) as Resource<S>[];
}
function named<S>(kind: string, name: string): Resource<S>[] {
  return all<S>(kind).filter((r) => r.metadata?.name === name);
}
/** The one resource of this kind and name, or a test failure that says how many there are. */
function one<S>(kind: string, name: string): Resource<S> {
  const found = named<S>(kind, name);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one ${kind} named "${name}" in deploy/k8s, found ${found.length}${found.length ? ` (${found.map((r) => r.at).join(', ')})` : ''}`,
    );
  }
  return found[0];
}

function matches(selector: Labels | undefined, labels: Labels | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => labels?.[k] === v);
}

/** Resolves a probe's or a Service's port (a number or a container port name) to a number. */
function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function appContainer(deployment: Resource<Deployment>, name: string): Container {
  const containers = deployment.spec.template.spec.containers ?? [];
  const container = containers.find((c) => c.name === name) ?? (containers.length === 1 ? containers[0] : undefined);
  if (!container) throw new Error(`Deployment "${name}" (${deployment.at}) has no container named "${name}"`);
  return container;
}

function configMapData(name: string): Record<string, string> {
  const cm = named('ConfigMap', name)[0];
  return Object.fromEntries(Object.entries(cm?.data ?? {}).map(([k, v]) => [k, String(v)]));
}
function secretData(name: string): Record<string, string> {
  const secret = named('Secret', name)[0];
  const decoded = Object.entries(secret?.data ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')]);
  return Object.fromEntries([...decoded, ...Object.entries(secret?.stringData ?? {}).map(([k, v]) => [k, String(v)])]);
}

/** The environment a container starts with: the image's ENV, then envFrom in order, then env. */
function containerEnv(container: Container): Record<string, string> {
  const env: Record<string, string> = { ...dockerfileEnv };
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, configMapData(from.configMapRef.name));
    if (from.secretRef) Object.assign(env, secretData(from.secretRef.name));
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/** Kubernetes quantities: cpu in cores ("250m", "1", "0.5"), memory in bytes ("256Mi", "1G"). */
function quantity(q: string | number | undefined): number {
  if (q === undefined) return NaN;
  const m = /^([0-9.]+)(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/.exec(String(q));
  if (!m) return NaN;
  const unit: Record<string, number> = { m: 1e-3, k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2, G: 1e9, Gi: 1024 ** 3, T: 1e12, Ti: 1024 ** 4 };
  return Number(m[1]) * (m[2] ? unit[m[2]] : 1);
}

// ---- the Dockerfile: how it selects the app and which port it listens on --------------------------

const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.split(/^FROM /m).find((stage) => /^\S+ AS runtime\b/i.test(stage)) ?? '';
const dockerfileEnv: Record<string, string> = Object.fromEntries(
  [...runtimeStage.matchAll(/^ENV\s+(.+)$/gm)].flatMap(([, pairs]) => [...pairs.matchAll(/(\w+)=(\S+)/g)].map(([, k, v]) => [k, v])),
);

// ---- which topic each Deployment consumes, for its replica bound --------------------------------

function isWorker(name: string | undefined): name is ServiceName {
  return (SERVICES as readonly (string | undefined)[]).includes(name);
}
/** The topic whose partitions bound a service's replicas: its work topic (identity → identityWork …). */
function boundingTopic(deployment: string | undefined): string | undefined {
  return isWorker(deployment) ? workTopic(deployment, TOPIC_NAMES) : undefined;
}
function topicName(t: Resource<KafkaTopic>): string | undefined {
  return t.spec?.topicName ?? t.metadata?.name;
}

// ==================================================================================================

describe('deploy/k8s manifests', () => {
  it('exist and parse as YAML', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(parseErrors).toEqual([]);
  });

  it('every resource has apiVersion, kind and metadata.name, and no two share a kind and name', () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const r of resources) {
      if (!r.apiVersion || !r.kind || !r.metadata?.name) problems.push(`${r.at}: missing apiVersion, kind or metadata.name`);
      const key = `${r.kind}/${r.metadata?.name}`;
      if (seen.has(key)) problems.push(`${key} is defined twice: ${seen.get(key)} and ${r.at}`);
      seen.set(key, r.at);
      if (r.metadata?.namespace && r.metadata.namespace !== NAMESPACE)
        problems.push(`${r.at}: namespace "${r.metadata.namespace}", expected "${NAMESPACE}"`);
    }
    expect(problems).toEqual([]);
  });

  describe('kustomization.yaml', () => {
    it('lists files that exist, and every YAML file of deploy/k8s', () => {
      expect(files).toContain('kustomization.yaml');
      const listed = kustomization.resources ?? [];
      const missing = listed.filter((f) => !existsSync(path.join(k8sDir, f))).map((f) => `listed in kustomization.yaml but missing: ${f}`);
      const unlisted = files
        .filter((f) => f !== 'kustomization.yaml' && !listed.map((l) => path.normalize(l)).includes(f))
        .map((f) => `not listed in kustomization.yaml resources: ${f}`);
      const duplicates = listed.filter((f, i) => listed.indexOf(f) !== i).map((f) => `listed twice in kustomization.yaml: ${f}`);
      expect([...missing, ...unlisted, ...duplicates]).toEqual([]);
    });

    it(`puts everything in namespace "${NAMESPACE}", which it creates`, () => {
      expect(kustomization.namespace).toBe(NAMESPACE);
      expect(one('Namespace', NAMESPACE)).toBeDefined();
    });

    it('names the image of every service', () => {
      const images = (kustomization.images ?? []).map((i) => i.name);
      expect(SERVICE_IDS.filter((s) => !images.includes(`cohort/${s}`))).toEqual([]);
    });
  });

  it('rely on a Dockerfile that picks the app with the APP build arg and sets PORT', () => {
    expect(dockerfileEnv.PORT).toMatch(/^\d+$/);
    expect(dockerfile).toMatch(/^CMD .*dist\/apps\/\$\{APP\}\/src\/main\.js/m);
  });

  describe.each(SERVICE_IDS.map((s) => [s]))('%s', (svc) => {
    const deployment = () => one<Deployment>('Deployment', svc);
    const container = () => appContainer(deployment(), svc);
    const containerPort = () => {
      const ports = container().ports ?? [];
      if (ports.length !== 1) throw new Error(`container "${svc}" should declare exactly one port, has ${ports.length}`);
      return ports[0].containerPort;
    };

    it('has exactly one Deployment, whose selector matches its pod labels', () => {
      const d = deployment();
      const podLabels = d.spec.template.metadata?.labels;
      expect({ selector: d.spec.selector?.matchLabels, matchesPodLabels: matches(d.spec.selector?.matchLabels, podLabels) }).toEqual({
        selector: expect.any(Object),
        matchesPodLabels: true,
      });
    });

    it(`runs the image the Dockerfile builds with --build-arg APP=${svc}`, () => {
      expect(container().image).toMatch(new RegExp(`(^|/)cohort/${svc}([:@]|$)`));
    });

    it('listens on the container port it declares (PORT from the environment or the Dockerfile)', () => {
      expect(containerEnv(container()).PORT).toBe(String(containerPort()));
    });

    it('has exactly one Service, selecting these pods only, with targetPort = the container port', () => {
      const service = one<Service>('Service', svc);
      const d = deployment();
      expect({ selector: service.spec.selector, selectsDeploymentPods: matches(service.spec.selector, d.spec.template.metadata?.labels) }).toEqual({
        selector: service.spec.selector,
        selectsDeploymentPods: true,
      });
      const alsoSelected = all<Deployment>('Deployment')
        .filter((other) => other !== d && matches(service.spec.selector, other.spec.template.metadata?.labels))
        .map((other) => other.metadata.name);
      expect(alsoSelected).toEqual([]);
      const ports = service.spec.ports ?? [];
      expect(ports.length).toBeGreaterThan(0);
      for (const p of ports) {
        expect({ servicePort: p.port, targetPort: resolvePort(container(), p.targetPort ?? p.port) }).toEqual({
          servicePort: p.port,
          targetPort: containerPort(),
        });
      }
    });

    it('has readiness and liveness probes (and any startup probe) on GET /health at the container port', () => {
      const c = container();
      const probes = {
        readinessProbe: c.readinessProbe,
        livenessProbe: c.livenessProbe,
        ...(c.startupProbe ? { startupProbe: c.startupProbe } : {}),
      };
      const seen = Object.fromEntries(
        Object.entries(probes).map(([kind, probe]) => [
          kind,
          probe?.httpGet ? { path: probe.httpGet.path, port: resolvePort(c, probe.httpGet.port) } : 'missing',
        ]),
      );
      const wanted = Object.fromEntries(Object.keys(probes).map((kind) => [kind, { path: '/health', port: containerPort() }]));
      expect(seen).toEqual(wanted);
    });

    it('takes its environment from the ConfigMap and the Secret, both of which exist', () => {
      const c = container();
      const configMaps = (c.envFrom ?? []).flatMap((f) => (f.configMapRef ? [f.configMapRef.name] : []));
      const secrets = (c.envFrom ?? []).flatMap((f) => (f.secretRef ? [f.secretRef.name] : []));
      expect({ configMaps: configMaps.length > 0, secrets: secrets.length > 0 }).toEqual({ configMaps: true, secrets: true });
      const refs = [
        ...configMaps.map((n) => ['ConfigMap', n]),
        ...secrets.map((n) => ['Secret', n]),
        ...(c.env ?? []).flatMap((e) => [
          ...(e.valueFrom?.configMapKeyRef ? [['ConfigMap', e.valueFrom.configMapKeyRef.name]] : []),
          ...(e.valueFrom?.secretKeyRef ? [['Secret', e.valueFrom.secretKeyRef.name]] : []),
        ]),
      ];
      expect(refs.filter(([kind, name]) => named(kind, name).length !== 1).map(([kind, name]) => `${kind} "${name}" does not exist`)).toEqual([]);
    });

    it("refuses to start on the Secret template's placeholders, and says which variable", () => {
      const problems = productionSecretProblems(svc, containerEnv(container()));
      expect(problems).toEqual(SERVICE_SECRETS[svc].map((name) => `${name} is a development or placeholder value`));
    });

    it("gets an environment the service's config validation accepts (with the Secret filled in), with every service URL pointing at its Service", () => {
      // an operator replaces the template's placeholders with 32+ random bytes each
      const filled = Object.fromEntries(SERVICE_SECRETS[svc].map((name) => [name, randomBytes(32).toString('base64')]));
      const env = { ...containerEnv(container()), ...filled };
      const config = loadConfig(svc, env);
      expect(config.host).toBe('0.0.0.0');
      expect(config.port).toBe(containerPort());
      expect(config.kafka.topicPrefix).toBe(''); // topic names exactly as the KafkaTopics have them
      const urls = Object.fromEntries(
        Object.keys(config.urls).map((target) => {
          const service = named<Service>('Service', target)[0];
          return [target, service ? `http://${target}:${service.spec.ports?.[0]?.port}` : `(no Service "${target}")`];
        }),
      );
      expect(config.urls).toEqual(urls);
    });

    it('is scraped by Prometheus on /metrics at the container port', () => {
      expect(deployment().spec.template.metadata?.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': String(containerPort()),
      });
    });

    if (svc !== 'gateway') {
      it('gives a Kafka consumer at least 60 s to finish its chunk on shutdown', () => {
        expect(deployment().spec.template.spec.terminationGracePeriodSeconds ?? 30).toBeGreaterThanOrEqual(60);
      });
    }
  });

  describe('ConfigMap and Secret', () => {
    it('point at the Strimzi bootstrap service and bind to 0.0.0.0', () => {
      const cms = all('ConfigMap');
      expect(cms.length).toBeGreaterThan(0);
      const data = Object.assign({}, ...cms.map((cm) => configMapData(cm.metadata.name!))) as Record<string, string>;
      expect(data).toMatchObject({ KAFKA_BROKERS: expect.stringContaining(`${STRIMZI_CLUSTER}-kafka-bootstrap:`), HOST: '0.0.0.0' });
      expect(Object.keys(data)).toEqual(expect.arrayContaining(['MONGO_URL', 'LOG_LEVEL', 'PUBLIC_URL']));
    });

    it('keep the secrets in a Secret, not in a ConfigMap', () => {
      const secretKeys = ['JWT_SECRET', 'IDENTITY_TOKEN_SECRET'];
      const inConfigMaps = all('ConfigMap').flatMap((cm) =>
        secretKeys.filter((k) => k in (cm.data ?? {})).map((k) => `${k} in ConfigMap ${cm.metadata.name}`),
      );
      expect(inConfigMaps).toEqual([]);
      const secrets = Object.assign({}, ...all('Secret').map((s) => secretData(s.metadata.name!))) as Record<string, string>;
      expect(Object.keys(secrets)).toEqual(expect.arrayContaining(secretKeys));
    });
  });

  describe('KafkaTopics', () => {
    const topics = () => all<KafkaTopic>('KafkaTopic');

    it(`belong to the Strimzi cluster "${STRIMZI_CLUSTER}" (kafka.strimzi.io/v1beta2)`, () => {
      const wrong = topics()
        .filter((t) => t.apiVersion !== 'kafka.strimzi.io/v1beta2' || t.metadata.labels?.['strimzi.io/cluster'] !== STRIMZI_CLUSTER)
        .map((t) => `${t.at}: apiVersion ${t.apiVersion}, strimzi.io/cluster=${t.metadata.labels?.['strimzi.io/cluster']}`);
      expect(wrong).toEqual([]);
    });

    it('are exactly the topics of topicPlan() and their dead-letter topics, with its partition counts', () => {
      const declared = topics().map((t) => ({ topic: topicName(t), numPartitions: t.spec?.partitions }));
      const byName = (a: { topic?: string }, b: { topic?: string }) => String(a.topic).localeCompare(String(b.topic));
      expect(declared.sort(byName)).toEqual([...PLAN].sort(byName));
      // topicPlan() already holds the DLQs; say it once more in terms of TOPICS
      const names = declared.map((d) => d.topic);
      const missingDlq = Object.values(TOPIC_NAMES).filter((t) => !names.includes(dlqTopic(t)));
      expect(missingDlq).toEqual([]);
    });

    it('have 3 replicas, fewer in-sync replicas required than replicas, and a retention', () => {
      const wrong = topics().flatMap((t) => {
        const { replicas, config = {} } = t.spec ?? {};
        const minIsr = Number(config['min.insync.replicas'] ?? 1);
        const retention = Number(config['retention.ms']);
        return [
          ...(replicas === 3 ? [] : [`${topicName(t)}: replicas ${replicas}, expected 3`]),
          ...(minIsr < (replicas ?? 0) ? [] : [`${topicName(t)}: min.insync.replicas ${minIsr} leaves no broker to lose`]),
          ...(retention > 0 || retention === -1 ? [] : [`${topicName(t)}: retention.ms not set`]),
        ];
      });
      expect(wrong).toEqual([]);
    });
  });

  describe('HorizontalPodAutoscalers', () => {
    const hpas = () => all<Hpa>('HorizontalPodAutoscaler');
    const partitionsOf = (topic: string) => all<KafkaTopic>('KafkaTopic').find((t) => topicName(t) === topic)?.spec?.partitions;

    it.each(SERVICES.map((s) => [s]))('%s has one, on CPU (autoscaling/v2)', (svc) => {
      const mine = hpas().filter((h) => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === svc);
      expect(mine.map((h) => h.at)).toHaveLength(1);
      expect(mine[0].apiVersion).toBe('autoscaling/v2');
      const resourceMetrics = (mine[0].spec.metrics ?? []).flatMap((m) => (m.type === 'Resource' && m.resource ? [m.resource.name] : []));
      expect(resourceMetrics).toContain('cpu');
    });

    it('target existing Deployments, which leave the replica count to them', () => {
      const problems = hpas().flatMap((h) => {
        const { kind, name } = h.spec.scaleTargetRef ?? {};
        const target = kind === 'Deployment' ? named<Deployment>('Deployment', name)[0] : undefined;
        if (!target) return [`HPA ${h.metadata.name} targets ${kind} "${name}", which is not a Deployment of deploy/k8s`];
        return target.spec.replicas === undefined
          ? []
          : [
              `Deployment ${name} sets spec.replicas (${target.spec.replicas}) while HPA ${h.metadata.name} scales it: every apply would reset the count`,
            ];
      });
      expect(problems).toEqual([]);
    });

    it('never scale a service past the partitions of the topic it consumes (an extra replica would idle)', () => {
      const problems = hpas().flatMap((h) => {
        const name = h.spec.scaleTargetRef?.name;
        const { minReplicas = 1, maxReplicas } = h.spec;
        const out = minReplicas <= maxReplicas ? [] : [`HPA ${h.metadata.name}: minReplicas ${minReplicas} > maxReplicas ${maxReplicas}`];
        const topic = boundingTopic(name);
        if (!topic) return out;
        const partitions = partitionsOf(topic);
        if (partitions === undefined) return [...out, `HPA ${h.metadata.name}: no KafkaTopic ${topic} for the work ${name} consumes`];
        return maxReplicas <= partitions
          ? out
          : [...out, `HPA ${h.metadata.name}: maxReplicas ${maxReplicas} > ${partitions} partitions of ${topic}`];
      });
      expect(problems).toEqual([]);
    });

    it('leave the orchestrator at exactly one replica (it drives each job from one process)', () => {
      expect(
        hpas()
          .filter((h) => h.spec.scaleTargetRef?.name === 'orchestrator')
          .map((h) => h.at),
      ).toEqual([]);
      expect(one<Deployment>('Deployment', 'orchestrator').spec.replicas).toBe(1);
    });
  });

  describe('PodDisruptionBudgets', () => {
    it.each(SERVICES.map((s) => [s]))('%s has one that selects its pods and lets a node drain', (svc) => {
      const pods = one<Deployment>('Deployment', svc).spec.template.metadata?.labels;
      const mine = all<Pdb>('PodDisruptionBudget').filter((p) => matches(p.spec.selector?.matchLabels, pods));
      expect(mine.map((p) => p.at)).toHaveLength(1);
      const { maxUnavailable, minAvailable } = mine[0].spec;
      // maxUnavailable >= 1 always allows one eviction; minAvailable would block a drain at minReplicas
      expect({ maxUnavailable, minAvailable }).toEqual({ maxUnavailable: expect.anything(), minAvailable: undefined });
      expect(Number(String(maxUnavailable).replace('%', ''))).toBeGreaterThan(0);
    });
  });

  describe('pods', () => {
    const pods = () => all<Deployment>('Deployment').map((d) => ({ name: d.metadata.name!, spec: d.spec.template.spec }));
    const containersOf = (spec: PodSpec) => [...(spec.containers ?? []), ...(spec.initContainers ?? [])];

    it('run nothing privileged, as non-root, without privilege escalation, on a read-only root filesystem', () => {
      const problems = pods().flatMap(({ name, spec }) => [
        ...(spec.hostNetwork || spec.hostPID ? [`${name}: uses the host network or PID namespace`] : []),
        ...containersOf(spec).flatMap((c) => {
          const sc = { ...spec.securityContext, ...c.securityContext };
          const at = `${name}/${c.name}`;
          return [
            ...(sc.privileged === true ? [`${at}: privileged`] : []),
            ...(sc.runAsNonRoot === true ? [] : [`${at}: runAsNonRoot is not true`]),
            ...(sc.runAsUser === 0 ? [`${at}: runAsUser 0`] : []),
            ...(c.securityContext?.allowPrivilegeEscalation === false ? [] : [`${at}: allowPrivilegeEscalation is not false`]),
            ...(c.securityContext?.readOnlyRootFilesystem === true ? [] : [`${at}: readOnlyRootFilesystem is not true`]),
            ...(c.securityContext?.capabilities?.drop?.includes('ALL') ? [] : [`${at}: capabilities are not dropped (drop: [ALL])`]),
            ...((c.securityContext?.capabilities?.add ?? []).length ? [`${at}: adds capabilities ${c.securityContext?.capabilities?.add}`] : []),
          ];
        }),
      ]);
      expect(problems).toEqual([]);
    });

    it('set cpu and memory requests and limits, requests <= limits, a container fitting a 2-core node', () => {
      const problems = pods().flatMap(({ name, spec }) =>
        containersOf(spec).flatMap((c) => {
          const at = `${name}/${c.name}`;
          const { requests = {}, limits = {} } = c.resources ?? {};
          return (['cpu', 'memory'] as const).flatMap((r) => {
            const [req, lim] = [quantity(requests[r]), quantity(limits[r])];
            if (Number.isNaN(req) || Number.isNaN(lim)) return [`${at}: ${r} request (${requests[r]}) and limit (${limits[r]}) must both be set`];
            if (req > lim) return [`${at}: ${r} request ${requests[r]} > limit ${limits[r]}`];
            if (r === 'cpu' && lim > 2) return [`${at}: cpu limit ${limits[r]} exceeds a 2-core node`];
            return [];
          });
        }),
      );
      expect(problems).toEqual([]);
    });
  });
});
