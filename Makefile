# BZPEER: `make demo` runs the product, `make test` runs every test, `make bench` prints figures.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build test test-cluster sanitize-build test-sanitized fuzz soak demo bench clean

all: build

setup:
	@scripts/setup

# Unity builds (a dozen sources compiled as one) halve a fresh build, where most of the
# time is spent parsing the same large headers again; BZPEER_UNITY=OFF compiles file by
# file, quicker when only a file or two changed.
UNITY = -DCMAKE_UNITY_BUILD=$${BZPEER_UNITY:-ON} -DCMAKE_UNITY_BUILD_BATCH_SIZE=12

build: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(UNITY) -DBZPEER_WERROR=$${BZPEER_WERROR:-ON} >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -LE cluster_only

# The whole end-to-end suite on PostgreSQL, a partitioned build and remote search shards.
test-cluster: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L cluster

# The same sources with AddressSanitizer, UBSan and libFuzzer's coverage (clang), in
# their own folder: the tests under the sanitizers, and the fuzz targets.
SANITIZE_DIR ?= build-sanitize
FUZZ_SECONDS ?= 60
sanitize-build: setup
	@CXX=clang++ cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
	  -DBZPEER_FUZZ=ON -DBZPEER_BENCH_TOOLS=OFF $(UNITY) -DBZPEER_WERROR=$${BZPEER_WERROR:-ON} >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)

# Unit tests, the fuzz targets' saved inputs and the end-to-end scripts on SQLite,
# under the sanitizers (any report fails the test). Not the full-disk script: it tests
# what happens when the system refuses writes (three minutes under the sanitizers), and
# make test runs it.
test-sanitized: sanitize-build
	@cd $(SANITIZE_DIR) && ctest --output-on-failure -j $(JOBS) \
	  -E '_postgres$$|_cluster$$|^e2e_browser|^e2e_cluster_demo$$|^e2e_full_disk$$'

fuzz: sanitize-build
	@scripts/fuzz $(FUZZ_SECONDS)

demo: build
	@scripts/demo

# A loopback load of reads and signed-in writes for SOAK_SECONDS (scripts/soak; SOAK_DATA
# names a built catalog, else the ACL Anthology and the arXiv harvest are built).
SOAK_SECONDS ?= 600
soak: build
	@scripts/soak $(SOAK_SECONDS)

bench: build
	@bench/run

clean:
	rm -rf $(BUILD_DIR)
