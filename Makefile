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

.PHONY: help run test test-backend test-frontend test-e2e frontend-deps frontend-build build image bench clean api-types

help:
	@echo "make run    build everything and start LabGate at http://localhost:8080 (data in $(LABGATE_DATA_DIR))"
	@echo "make test   every backend, frontend and end-to-end test (no database or service needed)"
	@echo "make bench  gateway benchmark (writes docs/benchmarks.md)"

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

test: test-backend test-frontend test-e2e

# Unit and @QuarkusTest suites on the embedded PostgreSQL, then the packaged app as several replicas on a
# real PostgreSQL server (*IT).
test-backend:
	scripts/ensure-postgres.sh
	$(MVN) verify

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
