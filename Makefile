# DishtaYantra build entry points. Every target finds a JDK 25 first (scripts/find-jdk.sh).
SHELL := /bin/bash
.DEFAULT_GOAL := build

JDK_HOME := $(shell scripts/find-jdk.sh)
ifeq ($(JDK_HOME),)
$(error No JDK 25 found; see the message above)
endif
export JAVA_HOME := $(JDK_HOME)
export PATH := $(JDK_HOME)/bin:$(PATH)

MVN ?= mvn -B -ntp
JAR := runtime/target/dishtayantra.jar
RUN_ARGS ?= examples/

.PHONY: build test run bench clean services browser image chart-crds

## build: compile everything and produce the runnable CLI jar runtime/target/dishtayantra.jar
build:
	$(MVN) -DskipTests package

## test: start the local brokers and install the browser test tools when needed, then run every test
test: services browser
	$(MVN) verify

## run: run the examples with in-memory and file pub/sub (no broker, no cluster); prints the
## dashboard URL and, on the first run, the generated admin password. It starts the runtime
## through bin/dishtayantra, whose class-data archive (created on the first run) shortens later
## start-ups and whose memory flags return idle memory to the operating system.
run:
	$(MVN) -q -DskipTests -pl runtime -am package
	bin/dishtayantra run $(RUN_ARGS)

## chart-crds: copy the generated CRDs from crds/ into the Helm chart (ChartCrdsTest fails until they match)
chart-crds:
	rm -f charts/dishtayantra/files/crds/*.yml
	cp crds/*.yml charts/dishtayantra/files/crds/

## bench: run every benchmark case and print the table (figures go to docs/benchmarks.md)
bench:
	$(MVN) -q -DskipTests -pl benchmarks -am package
	java --enable-native-access=ALL-UNNAMED -Xmx4g -jar benchmarks/target/dishtayantra-benchmarks.jar $(BENCH_ARGS)

IMAGE_TAG ?= 0.1.0
RUNTIME_IMAGE ?= dishtayantra/runtime:$(IMAGE_TAG)
OPERATOR_IMAGE ?= dishtayantra/operator:$(IMAGE_TAG)
CONTAINER_TOOL ?= docker

## image: build the runtime and operator jars, then their container images (needs a Docker or Podman engine)
image:
	$(MVN) -DskipTests -pl runtime,operator -am package
	$(CONTAINER_TOOL) build -f images/runtime/Dockerfile -t $(RUNTIME_IMAGE) .
	$(CONTAINER_TOOL) build -f images/operator/Dockerfile -t $(OPERATOR_IMAGE) .

## services: start Redis, RabbitMQ, PostgreSQL, MariaDB, NATS and Mosquitto on 127.0.0.1 if needed
services:
	scripts/services.sh

## browser: install headless Chromium, chromedriver and the Prometheus text-format parser if missing
browser:
	scripts/browser.sh

clean:
	$(MVN) clean
	rm -rf examples/out .dishtayantra
