# BZPEER: `make demo` runs the product, `make test` runs every test, `make bench` prints figures.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build test test-cluster demo bench clean

all: build

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBZPEER_WERROR=$${BZPEER_WERROR:-ON} >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -LE cluster_only

# The whole end-to-end suite on PostgreSQL, a partitioned build and remote search shards.
test-cluster: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L cluster

demo: build
	@scripts/demo

bench: build
	@bench/run

clean:
	rm -rf $(BUILD_DIR)
