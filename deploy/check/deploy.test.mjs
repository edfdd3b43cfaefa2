// make test-deploy: the Kubernetes manifests, docker-compose.yml and the Grafana dashboard, checked without a
// cluster or Docker. KUBECTL names a kubectl with kustomize v5 (scripts/ensure-kubectl.sh finds or fetches one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import {
  composeProblems, dashboardProblems, deploymentProblems, exportedMeters, readCompose, render, root,
  schemaProblems, secretValueProblems, shutdownSeconds, trackedFiles,
} from "./checks.mjs";

const kubectl = process.env.KUBECTL ?? "kubectl";
const limits = shutdownSeconds();
const production = render(kubectl, "deploy/kubernetes/overlays/production");
const base = render(kubectl, "deploy/kubernetes/base");

const copy = (objects) => structuredClone(objects);
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
const container = (objects) => find(objects, "Deployment").spec.template.spec.containers[0];

test("the production overlay and the base render to valid Kubernetes objects", () => {
  assert.deepEqual(schemaProblems(production), []);
  assert.deepEqual(schemaProblems(base), []);
  assert.deepEqual(production.map((o) => o.kind).sort(), ["ConfigMap", "Deployment", "HorizontalPodAutoscaler",
    "Ingress", "Ingress", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "Service"]);
  assert.ok(production.filter((o) => o.kind !== "Namespace").every((o) => o.metadata.namespace === "labgate"));
});

test("the production overlay runs LabGate replicated, probed, bounded and locked down", () => {
  assert.deepEqual(deploymentProblems(production, limits), []);
  assert.equal(find(production, "Deployment").spec.replicas, 3);
  assert.equal(find(production, "HorizontalPodAutoscaler").spec.minReplicas, 3);
  assert.match(container(production).image, /^ghcr\.io\/[^/]+\/labgate:/);
  assert.equal(find(production, "Namespace").metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
});

test("the base alone is a complete installation too", () => {
  assert.deepEqual(deploymentProblems(base, limits), []);
});

test("the schema check refuses a malformed object", () => {
  const broken = copy(production);
  find(broken, "Deployment").spec.replicas = "three";
  container(broken).resources.limits.memory = "a lot";
  const problems = schemaProblems(broken);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /replicas must be integer/);
  assert.match(problems[0], /limits\/memory/);
});

/** Each case breaks one property on a copy of the production overlay and names the problem expected. */
const breakages = [
  ["a single replica", (o) => { find(o, "Deployment").spec.replicas = 1; }, /replicas 1/],
  ["an autoscaler that may go down to one", (o) => { find(o, "HorizontalPodAutoscaler").spec.minReplicas = 1; },
    /minReplicas 1/],
  ["no readiness probe", (o) => { delete container(o).readinessProbe; }, /readinessProbe/],
  ["a liveness probe on the wrong path", (o) => { container(o).livenessProbe.httpGet.path = "/"; }, /livenessProbe/],
  ["no memory limit", (o) => { delete container(o).resources.limits.memory; }, /limits\.memory/],
  ["a writable root file system", (o) => { container(o).securityContext.readOnlyRootFilesystem = false; }, /read-only/],
  ["root", (o) => { find(o, "Deployment").spec.template.spec.securityContext.runAsNonRoot = false; }, /non-root/],
  ["no /tmp volume", (o) => { container(o).volumeMounts = container(o).volumeMounts.filter((m) => m.name !== "tmp"); },
    /\/tmp/],
  ["a grace period shorter than a drain", (o) => {
    find(o, "Deployment").spec.template.spec.terminationGracePeriodSeconds = 60;
  }, /terminationGracePeriodSeconds 60/],
  ["no preStop sleep", (o) => { delete container(o).lifecycle; }, /preStop/],
  ["a master key written into the manifest", (o) => {
    container(o).env = container(o).env.map((e) => e.name === "LABGATE_MASTER_KEY" ? { name: e.name, value: "v1:x" } : e);
  }, /LABGATE_MASTER_KEY/],
  ["a Secret among the manifests", (o) => {
    o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "labgate-db" }, stringData: { password: "x" } });
  }, /Secret labgate-db/],
  ["the embedded database", (o) => { find(o, "ConfigMap").data.QUARKUS_DATASOURCE_JDBC_URL = ""; }, /JDBC_URL/],
  ["buffered streams", (o) => {
    find(o, "Ingress", "labgate").metadata.annotations["nginx.ingress.kubernetes.io/proxy-buffering"] = "on";
  }, /proxy-buffering/],
  ["a short read timeout", (o) => {
    find(o, "Ingress", "labgate").metadata.annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"] = "60";
  }, /proxy-read-timeout/],
  ["metrics open to the internet", (o) => { o.splice(o.indexOf(find(o, "Ingress", "labgate-internal")), 1); }, /\/q/],
  ["a disruption budget for other pods", (o) => {
    find(o, "PodDisruptionBudget").spec.selector.matchLabels = { app: "other" };
  }, /PodDisruptionBudget/],
  ["no egress to PostgreSQL", (o) => {
    const policy = find(o, "NetworkPolicy").spec;
    policy.egress = policy.egress.filter((r) => !r.ports.some((p) => p.port === 5432));
  }, /port 5432/],
];

for (const [what, breakIt, expected] of breakages) {
  test(`the deployment check notices ${what}`, () => {
    const broken = copy(production);
    breakIt(broken);
    const problems = deploymentProblems(broken, limits);
    assert.ok(problems.some((p) => expected.test(p)), `expected ${expected} among ${JSON.stringify(problems)}`);
  });
}

test("docker-compose.yml is a valid Compose file running the cluster's image on PostgreSQL", () => {
  const compose = readCompose();
  assert.deepEqual(composeProblems(compose, container(base).image), []);
  assert.deepEqual(Object.keys(compose.services).sort(), ["labgate", "postgres"]);
});

test("the Compose check notices an invalid file and another image", () => {
  const compose = readCompose();
  compose.services.labgate.ports = "8080:8080";
  compose.services.labgate.image = "someone/else:1";
  const problems = composeProblems(compose, container(base).image);
  assert.ok(problems.some((p) => /ports: must be array/.test(p)), JSON.stringify(problems));
  assert.ok(problems.some((p) => /runs someone\/else:1/.test(p)), JSON.stringify(problems));
});

test("no secret value is committed", () => {
  assert.deepEqual(secretValueProblems(trackedFiles()), []);
  const example = parseAllDocuments(readFileSync(join(root, "deploy/kubernetes/secret.example.yaml"), "utf8"))
    .map((d) => d.toJS());
  const values = example.flatMap((s) => Object.entries(s.stringData)).filter(([key]) => key !== "username");
  assert.equal(values.length, 5);
  assert.ok(values.every(([, value]) => /^(v1:)?<[^>]+>$/.test(value)), "secret.example.yaml holds placeholders only");
  const resources = ["base", "overlays/production"]
    .flatMap((d) => parse(readFileSync(join(root, "deploy/kubernetes", d, "kustomization.yaml"), "utf8")).resources);
  assert.ok(resources.every((r) => !r.includes("secret")), "the example is not part of any kustomization");
});

test("the secret scan notices keys", () => {
  const pem = ["-----BEGIN", "PRIVATE KEY-----"].join(" ");
  const master = "v1:" + Buffer.alloc(32, 7).toString("base64");
  assert.deepEqual(secretValueProblems([{ path: "a", text: pem }, { path: "b", text: `KEY=${master}` },
    { path: "c", text: "master-key: v1:<base64 of 32 random bytes>" }]), ["a: holds a private key", "b: holds a master key"]);
});

test("the Grafana dashboard queries only meters LabGate exports", () => {
  const sources = [];
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((e) => e.isDirectory()
    ? walk(join(dir, e.name)) : e.name.endsWith(".java") && sources.push(readFileSync(join(dir, e.name), "utf8")));
  walk(join(root, "backend/src/main/java"));
  const meters = exportedMeters(sources);
  for (const name of ["labgate_calls_total", "labgate_tokens_total", "labgate_cost_usd_total",
    "labgate_call_duration_seconds_bucket", "labgate_quota_refusals_total"]) {
    assert.ok(meters.has(name), name);
  }
  const dashboard = JSON.parse(readFileSync(join(root, "deploy/grafana/labgate.json"), "utf8"));
  assert.deepEqual(dashboardProblems(dashboard, meters), []);
  const queried = JSON.stringify(dashboard);
  for (const name of ["labgate_calls_total", "labgate_tokens_total", "labgate_cost_usd_total",
    "labgate_call_duration_seconds_bucket", "labgate_quota_refusals_total"]) {
    assert.ok(queried.includes(name), `the dashboard shows ${name}`);
  }
  assert.deepEqual(dashboardProblems({ panels: [{ title: "x", targets: [{ expr: "rate(labgate_nothing_total[5m])" }] }] },
    meters), ['dashboard panel "x": labgate_nothing_total is not exported']);
});
