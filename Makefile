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
