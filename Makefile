# Basin's two front doors. `make run` and `make test` install what is missing
# (Debian packages), build, and then run Basin or every test.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)

.PHONY: run test build deps asan-test fuzz clean

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

# Unit and SQL tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
asan-test: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBASIN_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	./scripts/run-tests.sh build-asan --no-differential

# libFuzzer targets (clang), each run for FUZZ_SECONDS.
fuzz: deps
	./scripts/run-fuzzers.sh $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz
