// What a LabGate deployment must be, checked on the rendered manifests, the Compose file and the dashboard.
// Each check returns the problems it found as sentences (empty: fine), so a test can show them all at once and
// another test can prove a check notices what it guards.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parseAllDocuments, parse } from "yaml";
import { Namespace, ConfigMap, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";

export const root = new URL("../..", import.meta.url).pathname;

const MODELS = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "networking.k8s.io/v1/Ingress": Ingress,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

/** The objects `kubectl kustomize` renders from a kustomization folder. */
export function render(kubectl, folder) {
  const yaml = execFileSync(kubectl, ["kustomize", join(root, folder)], { encoding: "utf8" });
  return parseAllDocuments(yaml).map((d) => d.toJS()).filter(Boolean);
}

/** Every object against the Kubernetes API's JSON schema of its kind (types, enums, required fields, quantities). */
export function schemaProblems(objects) {
  return objects.flatMap((o) => {
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!Model) {
      return [`${o.kind} ${o.metadata?.name}: no schema known for ${o.apiVersion}/${o.kind}`];
    }
    try {
      new Model(o).validate();
      return [];
    } catch (e) {
      return [`${o.kind} ${o.metadata?.name}: ${e.message}`];
    }
  });
}

/** How long a stopping replica may take, from the backend's own settings. */
export function shutdownSeconds() {
  const properties = readFileSync(join(root, "backend/src/main/resources/application.properties"), "utf8");
  const config = readFileSync(join(root, "backend/src/main/java/io/labgate/common/config/LabgateConfig.java"), "utf8");
  const shutdown = properties.match(/^quarkus\.shutdown\.timeout=(\S+)$/m);
  const drain = config.match(/@WithDefault\("([^"]+)"\)\s+Duration drainTimeout\(\)/);
  if (!shutdown || !drain) {
    throw new Error("quarkus.shutdown.timeout or labgate.usage.drain-timeout not found in the backend's sources");
  }
  return { shutdown: seconds(shutdown[1]), drain: seconds(drain[1]) };
}

function seconds(duration) {
  const m = duration.match(/^(?:PT)?(\d+(?:\.\d+)?)S$/i);
  if (!m) throw new Error(`unexpected duration ${duration}`);
  return Number(m[1]);
}

const one = (objects, kind) => objects.filter((o) => o.kind === kind);
const matches = (selector, labels) =>
  !!selector?.matchLabels && Object.entries(selector.matchLabels).every(([k, v]) => labels?.[k] === v);

/** The properties a replicated LabGate needs, on one rendered installation. */
export function deploymentProblems(objects, { shutdown, drain }) {
  const problems = [];
  const expect = (ok, problem) => ok || problems.push(problem);
  const [deployment, ...others] = one(objects, "Deployment");
  if (!deployment || others.length) return ["exactly one Deployment expected"];
  const pod = deployment.spec.template;
  const podLabels = pod.metadata.labels;
  const container = pod.spec.containers.find((c) => c.name === "labgate");
  if (!container) return ["the Deployment has no container named labgate"];
  const port = container.ports?.find((p) => p.containerPort === 8080)?.name;

  expect(deployment.spec.replicas >= 2, `Deployment: replicas ${deployment.spec.replicas}, at least 2 expected`);
  expect(matches(deployment.spec.selector, podLabels), "Deployment: its selector does not match its pods");
  expect(deployment.spec.strategy?.rollingUpdate?.maxUnavailable === 0,
    "Deployment: a rolling update must not take a replica away before its successor is ready (maxUnavailable 0)");

  for (const [probe, path] of [["startupProbe", "/q/health/started"], ["readinessProbe", "/q/health/ready"],
    ["livenessProbe", "/q/health/live"]]) {
    const get = container[probe]?.httpGet;
    expect(get?.path === path && (get.port === port || get.port === 8080),
      `container: ${probe} must GET ${path} on the app's port`);
  }
  for (const kind of ["requests", "limits"]) {
    for (const resource of ["cpu", "memory"]) {
      expect(container.resources?.[kind]?.[resource] !== undefined, `container: resources.${kind}.${resource} missing`);
    }
  }

  const podSecurity = pod.spec.securityContext ?? {};
  const security = container.securityContext ?? {};
  expect(podSecurity.runAsNonRoot === true && podSecurity.runAsUser > 0, "pod: must run as a non-root user");
  expect(security.readOnlyRootFilesystem === true, "container: root file system must be read-only");
  expect(security.allowPrivilegeEscalation === false, "container: privilege escalation must be off");
  expect(security.capabilities?.drop?.includes("ALL"), "container: must drop all capabilities");
  expect((podSecurity.seccompProfile ?? security.seccompProfile)?.type === "RuntimeDefault",
    "pod: seccomp profile RuntimeDefault expected");
  expect(pod.spec.automountServiceAccountToken === false, "pod: LabGate needs no Kubernetes API token");
  const tmp = container.volumeMounts?.find((m) => m.mountPath === "/tmp");
  expect(tmp && pod.spec.volumes?.find((v) => v.name === tmp.name)?.emptyDir,
    "container: /tmp must be a writable emptyDir (the root file system is read-only)");

  const preStop = container.lifecycle?.preStop?.exec?.command;
  const sleep = preStop?.[0] === "sleep" ? Number(preStop[1]) : (container.lifecycle?.preStop?.sleep?.seconds ?? 0);
  expect(sleep >= 5, "container: a preStop sleep of a few seconds must let endpoints deregister before SIGTERM");
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  expect(grace > sleep + shutdown + drain,
    `pod: terminationGracePeriodSeconds ${grace} must exceed preStop ${sleep} s + shutdown ${shutdown} s + drain ${drain} s`);

  problems.push(...secretReferenceProblems(objects, container, pod));
  problems.push(...configProblems(objects, container, pod));

  const services = one(objects, "Service").filter((s) => matches({ matchLabels: s.spec.selector }, podLabels));
  expect(services.length === 1, "exactly one Service must select the pods");
  const service = services[0];
  expect(service?.spec.ports?.some((p) => p.targetPort === port || p.targetPort === 8080),
    "Service: must target the app's port");

  problems.push(...ingressProblems(objects, service));

  const pdbs = one(objects, "PodDisruptionBudget").filter((p) => matches(p.spec.selector, podLabels));
  expect(pdbs.length === 1, "exactly one PodDisruptionBudget must select the pods");
  const pdb = pdbs[0]?.spec;
  expect(pdb && (pdb.maxUnavailable === 1 || (pdb.minAvailable >= 1 && pdb.minAvailable < deployment.spec.replicas)),
    "PodDisruptionBudget: must keep replicas serving while allowing one to go");

  const hpa = one(objects, "HorizontalPodAutoscaler")
    .find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === deployment.metadata.name);
  expect(hpa, "a HorizontalPodAutoscaler must scale the Deployment");
  expect(hpa?.spec.minReplicas >= 2 && hpa.spec.maxReplicas >= hpa.spec.minReplicas,
    `HorizontalPodAutoscaler: minReplicas ${hpa?.spec.minReplicas} (at least 2) up to maxReplicas`);
  expect(hpa?.spec.metrics?.length > 0, "HorizontalPodAutoscaler: needs a metric");

  const policies = one(objects, "NetworkPolicy").filter((n) => matches(n.spec.podSelector, podLabels));
  expect(policies.length === 1, "exactly one NetworkPolicy must select the pods");
  const policy = policies[0]?.spec;
  expect(policy?.policyTypes?.includes("Ingress") && policy?.policyTypes?.includes("Egress"),
    "NetworkPolicy: must restrict both ingress and egress");
  expect(policy?.ingress?.length > 0 && policy.ingress.every((r) => r.from?.length > 0
      && r.ports?.every((p) => p.port === 8080 || p.port === port)),
    "NetworkPolicy: ingress only from named sources, to the app's port");
  const egressPorts = (policy?.egress ?? []).flatMap((r) => r.ports ?? []).map((p) => p.port);
  for (const needed of [53, 5432, 443]) {
    expect(egressPorts.includes(needed), `NetworkPolicy: egress to port ${needed} missing`);
  }
  expect(pod.metadata.annotations?.["prometheus.io/path"] === "/q/metrics",
    "pod: Prometheus scrape annotations must point at /q/metrics");
  return problems;
}

/** Secrets are referenced, never carried: no Secret objects, no secret value written into the Deployment. */
function secretReferenceProblems(objects, container, pod) {
  const problems = [];
  for (const o of one(objects, "Secret")) {
    problems.push(`Secret ${o.metadata.name}: secrets are created beside the manifests, never rendered from them`);
  }
  const fromSecret = (name) => container.env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef;
  for (const name of ["LABGATE_MASTER_KEY", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"]) {
    if (!fromSecret(name)) problems.push(`container: ${name} must come from a Secret`);
  }
  for (const e of container.env ?? []) {
    if (/PASSWORD|KEY$|SECRET|TOKEN/.test(e.name) && e.value !== undefined) {
      problems.push(`container: ${e.name} has a value written in the manifest; take it from a Secret`);
    }
  }
  const jwt = container.volumeMounts?.find((m) => m.name === pod.spec.volumes?.find((v) => v.secret)?.name);
  if (!jwt?.readOnly) problems.push("container: the JWT key pair must be mounted read-only from a Secret");
  return problems;
}

function configProblems(objects, container, pod) {
  const problems = [];
  const maps = (container.envFrom ?? []).map((e) => e.configMapRef?.name)
    .map((name) => one(objects, "ConfigMap").find((c) => c.metadata.name === name));
  if (maps.some((m) => !m)) return ["container: a ConfigMap it reads is not rendered"];
  const env = Object.assign({}, ...maps.map((m) => m.data), ...(container.env ?? [])
    .filter((e) => e.value !== undefined).map((e) => ({ [e.name]: e.value })));
  if (env.QUARKUS_PROFILE !== "prod") problems.push("config: QUARKUS_PROFILE must be prod");
  if (!/^jdbc:postgresql:\/\//.test(env.QUARKUS_DATASOURCE_JDBC_URL ?? "")) {
    problems.push("config: QUARKUS_DATASOURCE_JDBC_URL must name the PostgreSQL server (no embedded database in a cluster)");
  }
  const jwtMount = container.volumeMounts?.find((m) => pod.spec.volumes?.find((v) => v.name === m.name)?.secret);
  for (const key of ["LABGATE_JWT_PUBLIC_KEY_LOCATION", "LABGATE_JWT_PRIVATE_KEY_LOCATION"]) {
    if (!jwtMount || !env[key]?.startsWith(jwtMount.mountPath + "/")) {
      problems.push(`config: ${key} must point into the mounted JWT Secret`);
    }
  }
  return problems;
}

function ingressProblems(objects, service) {
  const problems = [];
  const ingresses = one(objects, "Ingress");
  const routes = ingresses.flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => ({ ingress: i, path: p }))));
  const app = routes.find((r) => r.path.path === "/" && r.path.backend.service?.name === service?.metadata.name);
  if (!app) return ["Ingress: no rule sends / to the Service"];
  const a = app.ingress.metadata.annotations ?? {};
  if (a["nginx.ingress.kubernetes.io/proxy-buffering"] !== "off") {
    problems.push("Ingress: proxy-buffering must be off, or streamed answers arrive all at once");
  }
  for (const timeout of ["proxy-read-timeout", "proxy-send-timeout"]) {
    if (!(Number(a[`nginx.ingress.kubernetes.io/${timeout}`]) >= 600)) {
      problems.push(`Ingress: ${timeout} must allow long streams (600 s or more)`);
    }
  }
  const internal = routes.find((r) => r.path.path === "/q");
  if (!internal?.ingress.metadata.annotations?.["nginx.ingress.kubernetes.io/whitelist-source-range"]) {
    problems.push("Ingress: /q (health, metrics) must not be open to everyone");
  }
  return problems;
}

/**
 * The Compose file against the Compose specification, and running what the cluster runs. compose-spec.json is
 * the specification's own schema (schema/compose-spec.json of compose-spec/compose-spec, Apache-2.0), kept here
 * so the check runs offline.
 */
export function composeProblems(compose, clusterImage) {
  const problems = [];
  const schema = JSON.parse(readFileSync(new URL("./compose-spec.json", import.meta.url), "utf8"));
  // The specification names its draft by an address Ajv does not carry; the schema itself is draft-07.
  const validate = new Ajv({ strict: false, allErrors: true, validateSchema: false }).compile(schema);
  if (!validate(compose)) {
    problems.push(...validate.errors.map((e) => `docker-compose.yml${e.instancePath}: ${e.message}`));
  }
  const app = compose.services?.labgate;
  if (!app) return [...problems, "docker-compose.yml: no labgate service"];
  const image = String(app.image).replace(/^\$\{[A-Z_]+:-(.+)\}$/, "$1");
  const repository = (ref) => ref.replace(/[:@][^/]*$/, "");
  if (repository(image) !== repository(clusterImage)) {
    problems.push(`docker-compose.yml: labgate runs ${image}, the cluster runs ${clusterImage}`);
  }
  if (app.environment?.QUARKUS_PROFILE !== "prod") problems.push("docker-compose.yml: labgate must run the prod profile");
  if (!/^jdbc:postgresql:\/\/postgres:/.test(app.environment?.QUARKUS_DATASOURCE_JDBC_URL ?? "")) {
    problems.push("docker-compose.yml: labgate must use the postgres service");
  }
  if (!compose.services.postgres) problems.push("docker-compose.yml: no postgres service");
  if (app.read_only !== true || !app.user) problems.push("docker-compose.yml: labgate must run read-only and non-root");
  const grace = /^(\d+)s$/.exec(app.stop_grace_period ?? "")?.[1];
  const { shutdown, drain } = shutdownSeconds();
  if (!(Number(grace) > shutdown + drain)) {
    problems.push(`docker-compose.yml: stop_grace_period must exceed ${shutdown + drain} s`);
  }
  for (const [name, value] of Object.entries(app.environment ?? {})) {
    if (/PASSWORD|MASTER_KEY/.test(name) && !/^\$\{[A-Z_]+:\?/.test(value)) {
      problems.push(`docker-compose.yml: ${name} must come from the environment, required`);
    }
  }
  return problems;
}

export function readCompose() {
  return parse(readFileSync(join(root, "docker-compose.yml"), "utf8"));
}

const SECRET_SHAPES = [
  [/-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/, "a private key"],
  [/\bv\d+:[A-Za-z0-9+/]{43}=/, "a master key"],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}/, "a provider API key"],
];

/** Files (path and text) that hold something shaped like a real secret. */
export function secretValueProblems(files) {
  return files.flatMap(({ path, text }) => SECRET_SHAPES.filter(([shape]) => shape.test(text))
    .map(([, what]) => `${path}: holds ${what}`));
}

export function trackedFiles() {
  return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean)
    .filter((path) => !/\.(png|jpg|jpeg|gif|ico|woff2?|ttf|jar)$/.test(path))
    .map((path) => {
      try {
        return { path, text: readFileSync(join(root, path), "utf8") };
      } catch {
        return null;   // listed but not in the work tree (deleted, not yet committed)
      }
    }).filter(Boolean);
}

/**
 * The Prometheus names of the meters the backend registers (Micrometer's dotted names; counters get
 * `_total`, timers `_seconds` and their series, the cost counter its `usd` unit).
 */
export function exportedMeters(javaSources) {
  const names = new Set();
  for (const text of javaSources) {
    for (const m of text.matchAll(/(Counter|Timer|Gauge)\.builder\("([a-z0-9_.]+)"|registry\.(counter)\("([a-z0-9_.]+)"/g)) {
      const kind = m[1] ?? m[3];
      const base = (m[2] ?? m[4]).replaceAll(".", "_");
      if (kind === "Counter" || kind === "counter") names.add(`${base}_total`);
      else if (kind === "Timer") ["_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"]
        .forEach((s) => names.add(base + s));
      else names.add(base);
    }
  }
  return names;
}

/** Every labgate_* series a dashboard panel queries must be one the backend exports. */
export function dashboardProblems(dashboard, meters) {
  const problems = [];
  const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
  if (panels.length === 0) problems.push("dashboard: no panels");
  for (const panel of panels) {
    if (!panel.targets?.length) problems.push(`dashboard panel "${panel.title}": no query`);
    for (const target of panel.targets ?? []) {
      for (const [name] of target.expr.matchAll(/\blabgate_[a-z0-9_]+/g)) {
        if (!meters.has(name)) problems.push(`dashboard panel "${panel.title}": ${name} is not exported`);
      }
    }
  }
  return problems;
}
