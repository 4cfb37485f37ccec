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
	  /^[a-zA-Z0-9_-]+:.*?##/ { printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2 } \
	  /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Build and test

.PHONY: build
build: ## Package both services as JVM applications (tests skipped)
	$(MVN) $(MVN_FLAGS) package -DskipTests

.PHONY: test
test: ## Run every test: services over real HTTP, the laptop topology, the chart, native build inputs
	$(MVN) $(MVN_FLAGS) verify

.PHONY: clean
clean: stop ## Stop what make run started and remove build output
	$(MVN) $(MVN_FLAGS) -q clean
	rm -rf $(RUN_DIR)

##@ Run on the laptop

.PHONY: run
run: ## Start Juliet (:8080) and Romeo (:8081) in the background; native when native-image is found
	@scripts/laptop.sh run

.PHONY: stop
stop: ## Stop the services that make run started
	@scripts/laptop.sh stop

.PHONY: status
status: ## Say which services make run started and whether they are ready
	@scripts/laptop.sh status

##@ Images

# make images REGISTRY=... PUSH=true: REGISTRY empty keeps application.properties' registry (docker.io).
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

IMAGES_ENV = MVN='$(MVN)' MVN_FLAGS='$(MVN_FLAGS)' IMAGES_CACHE_DIR='$(IMAGES_CACHE_DIR)'

.PHONY: images
images: ## Build both images with Jib, JVM (+ native when a native executable exists): REGISTRY=host PUSH=true
	@$(IMAGES_ENV) REGISTRY='$(REGISTRY)' PUSH='$(PUSH)' INSECURE='$(INSECURE)' NATIVE='$(NATIVE)' \
	  BASE_JVM_IMAGE='$(BASE_JVM_IMAGE)' BASE_NATIVE_IMAGE='$(BASE_NATIVE_IMAGE)' scripts/images/build.sh

.PHONY: image-check
image-check: ## No Docker: local registry, Debian JRE base, push both JVM images, run them chrooted, greet via Romeo
	@$(IMAGES_ENV) IMAGE_CHECK_PORT='$(IMAGE_CHECK_PORT)' scripts/images/image-check.sh
