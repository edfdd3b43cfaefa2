# LabGate — the front doors: `make run`, `make test`, `make bench`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/find-jdk.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

LABGATE_DATA_DIR ?= $(CURDIR)/data
export LABGATE_DATA_DIR
# The embedded PostgreSQL's folder and port are fixed when the backend is built (a build-time setting of
# the extension), so `make run` builds with them.
DB_PORT ?= 5433
MVN := cd backend && ./mvnw -B -ntp
NPM := cd frontend && npm

.PHONY: help run test test-backend test-beside-run test-frontend test-e2e frontend-deps frontend-build backend-build image bench clean api-types

help:
	@echo "make run    build everything and start LabGate at http://localhost:8080 (data in $(LABGATE_DATA_DIR))"
	@echo "make test   every backend, frontend and end-to-end test (no database or service needed)"
	@echo "make bench  gateway benchmark (writes docs/benchmarks.md)"

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	$(NPM) ci --no-audit --no-fund

frontend-build: frontend-deps
	$(NPM) run build

backend-build: frontend-build
	$(MVN) -q package -DskipTests -Dquarkus.embedded.postgresql.data.dir=$(LABGATE_DATA_DIR)/pg \
		-Dquarkus.embedded.postgresql.port=$(DB_PORT)

run: backend-build
	@mkdir -p $(LABGATE_DATA_DIR)
	QUARKUS_PROFILE=embedded $(JAVA_HOME)/bin/java -jar backend/target/quarkus-app/quarkus-run.jar

test: test-backend test-beside-run test-frontend test-e2e

# Unit and @QuarkusTest suites on the embedded PostgreSQL, then the packaged app as several replicas on a
# real PostgreSQL server (*IT).
test-backend:
	scripts/ensure-postgres.sh
	$(MVN) verify

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

bench:
	scripts/bench.sh

# After changing a backend request or response record: regenerate frontend/src/types/api.gen.ts.
api-types:
	$(MVN) -q package -DskipTests
	$(NPM) run gen:api

# The container image (JVM, external PostgreSQL): the embedded database is left out of this build.
image: frontend-build
	$(MVN) package -DskipTests -Dexternal-db -Dquarkus.container-image.build=true

clean:
	$(MVN) -q clean
	rm -rf frontend/dist
