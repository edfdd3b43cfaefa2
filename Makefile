# LabGate — the front doors: `make run`, `make test`, `make bench`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/find-jdk.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

LABGATE_DATA_DIR ?= $(CURDIR)/data
export LABGATE_DATA_DIR
# The embedded PostgreSQL of `make run` keeps its data in $(LABGATE_DATA_DIR)/pg and listens on this port.
LABGATE_DB_PORT ?= 5433
export LABGATE_DB_PORT
MVN := cd backend && ./mvnw -B -ntp
NPM := cd frontend && npm

.PHONY: help run test test-backend test-beside-run test-frontend test-e2e test-deploy frontend-deps frontend-build \
	build backend-build image manifests bench clean api-types

help:
	@echo "make run        build everything and start LabGate at http://localhost:8080 (data in $(LABGATE_DATA_DIR))"
	@echo "make test       every backend, frontend, end-to-end and deployment test (no database or service needed)"
	@echo "make bench      gateway benchmark (writes docs/benchmarks.md)"
	@echo "make build      the packaged app: backend/target/quarkus-app/quarkus-run.jar"
	@echo "make image      the container image (Jib; needs a Docker daemon or a registry to push to)"
	@echo "make manifests  the Kubernetes manifests of the production overlay, on stdout"

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	$(NPM) ci --no-audit --no-fund

frontend-build: frontend-deps
	$(NPM) run build

# The packaged app, SPA included: backend/target/quarkus-app/quarkus-run.jar. Given QUARKUS_DATASOURCE_JDBC_URL
# it uses that database; only in the `embedded` profile without one does it start a PostgreSQL of its own.
build: frontend-build
	$(MVN) -q package -DskipTests

run: build
	@mkdir -p $(LABGATE_DATA_DIR)
	QUARKUS_PROFILE=embedded $(JAVA_HOME)/bin/java -jar backend/target/quarkus-app/quarkus-run.jar

test: test-deploy test-backend test-beside-run test-frontend test-e2e

# Unit and @QuarkusTest suites on the embedded PostgreSQL, then the packaged app as several replicas on a
# real PostgreSQL server (*IT).
# The tests keep their keys in backend/target/test-data, not in `make run`'s data folder.
test-backend:
	scripts/ensure-postgres.sh
	cd backend && env -u LABGATE_DATA_DIR ./mvnw -B -ntp verify

# `make test` passes while `make run` runs: the app built and started as `make run` does it (PostgreSQL on
# $(DB_PORT), HTTP on 8080, a temporary data folder), a real backend test run beside it, then both stopped. When
# those ports are taken (a real `make run`), the test runs beside that instead.
test-beside-run:
	DB_PORT=$(DB_PORT) scripts/test-beside-run.sh

# The SPA's API types are generated from the backend's OpenAPI document; a drift fails the build.
backend/target/openapi/openapi.json:
	$(MVN) -q package -DskipTests

test-frontend: frontend-deps backend/target/openapi/openapi.json
	$(NPM) run check:api
	$(NPM) test

test-e2e: frontend-build
	scripts/e2e.sh

# The Kubernetes manifests rendered (kubectl kustomize) and checked against the Kubernetes schemas and the
# properties a replicated LabGate needs; docker-compose.yml against the Compose specification; the Grafana
# dashboard against the meters the backend exports. No cluster, no Docker.
deploy/check/node_modules/.package-lock.json: deploy/check/package-lock.json deploy/check/package.json
	cd deploy/check && npm ci --no-audit --no-fund

test-deploy: deploy/check/node_modules/.package-lock.json
	kubectl=$$(scripts/ensure-kubectl.sh) && cd deploy/check && KUBECTL=$$kubectl npm test

manifests:
	@kubectl=$$(scripts/ensure-kubectl.sh) && $$kubectl kustomize deploy/kubernetes/overlays/production

bench:
	scripts/bench.sh

# After changing a backend request or response record: regenerate frontend/src/types/api.gen.ts.
api-types:
	$(MVN) -q package -DskipTests
	$(NPM) run gen:api

# The container image the cluster and docker-compose run (Jib; API and SPA; labgate/labgate:<version>), without
# the embedded database's binaries (-Dexternal-db). Into the local Docker daemon; to push instead, set
# QUARKUS_CONTAINER_IMAGE_PUSH=true and QUARKUS_CONTAINER_IMAGE_REGISTRY, _GROUP, _USERNAME, _PASSWORD (CI does).
image: frontend-build
	$(MVN) package -DskipTests -Dexternal-db -Dquarkus.container-image.build=true

clean:
	$(MVN) -q clean
	rm -rf frontend/dist
