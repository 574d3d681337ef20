# Basin's two front doors. `make run` and `make test` install what is missing
# (Debian packages), build, and then run Basin or every test.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: run test build deps asan-build asan-test fuzz clean

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/basin

test: build
	./scripts/run-tests.sh $(BUILD_DIR)

# Unit and SQL tests again under AddressSanitizer and UndefinedBehaviorSanitizer. The
# build uses clang with libFuzzer instrumentation too, so `make fuzz` reuses it.
build-asan/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBASIN_SANITIZE=ON -DBASIN_FUZZ=ON

asan-build: deps build-asan/build.ninja
	cmake --build build-asan -j $(JOBS)

asan-test: asan-build
	./scripts/run-tests.sh build-asan --no-differential

# libFuzzer targets, each run for FUZZ_SECONDS on its corpus.
fuzz: asan-build
	./scripts/run-fuzzers.sh build-asan $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(BUILD_DIR) build-asan
