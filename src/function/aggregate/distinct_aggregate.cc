#include "function/distinct_aggregate.h"

#include <cstring>
#include <new>
#include <string>
#include <unordered_map>

#include "common/batch.h"
#include "common/value.h"
#include "exec/sort_key.h"
#include "function/aggregate/replay_state.h"

namespace basin {

namespace {

// The distinct values of one group, keyed by their normalized sort key: values that
// compare equal ('1 day' and '24 hours', -0 and 0) share a key.
struct DistinctValues {
  std::unordered_map<std::string, Value> values;
};

struct DistinctState {
  DistinctValues* set = nullptr;
};

DistinctState& StateAt(uint8_t* state) { return *std::launder(reinterpret_cast<DistinctState*>(state)); }

}  // namespace

std::shared_ptr<const AggregateFunction> MakeDistinctAggregate(std::shared_ptr<const AggregateFunction> inner) {
  auto function = std::make_shared<AggregateFunction>(*inner);
  function->state_size = sizeof(DistinctState);
  function->initialize = [](uint8_t* state) { new (state) DistinctState(); };
  function->update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count, const FunctionData*) {
    const Vector& input = *args[0];
    Batch keys_input;
    keys_input.columns.resize(1);
    keys_input.columns[0].Reference(input);
    keys_input.size = count;
    std::string key_bytes;
    std::vector<uint64_t> key_offsets;
    SortKeyEncoder({{0, false, false}}).Encode(keys_input, key_bytes, key_offsets);
    key_offsets.push_back(key_bytes.size());
    for (uint32_t row = 0; row < count; ++row) {
      if (!input.IsValid(row)) continue;
      DistinctState& state = StateAt(states[row]);
      if (state.set == nullptr) state.set = new DistinctValues();
      std::string key = key_bytes.substr(key_offsets[row], key_offsets[row + 1] - key_offsets[row]);
      if (state.set->values.count(key) == 0) state.set->values.emplace(std::move(key), input.GetValue(row));
    }
  };
  function->combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    DistinctState& from = StateAt(const_cast<uint8_t*>(source));
    if (from.set == nullptr) return;
    DistinctState& to = StateAt(target);
    if (to.set == nullptr) to.set = new DistinctValues();
    for (auto& [key, value] : from.set->values) to.set->values.emplace(key, value);
  };
  function->finalize = [inner](uint8_t** states, uint32_t count, Vector& result, const FunctionData* data) {
    for (uint32_t row = 0; row < count; ++row) {
      ReplayState replay(*inner);
      DistinctState& state = StateAt(states[row]);
      if (state.set != nullptr && !state.set->values.empty()) {
        const LogicalType type = state.set->values.begin()->second.type();
        uint32_t fed = 0;
        const uint32_t total = static_cast<uint32_t>(state.set->values.size());
        auto it = state.set->values.begin();
        while (fed < total) {
          const uint32_t chunk = std::min<uint32_t>(kBatchSize, total - fed);
          Vector values(type, chunk);
          for (uint32_t i = 0; i < chunk; ++i, ++it) values.SetValue(i, it->second);
          replay.Update({&values}, chunk, data);
          fed += chunk;
        }
      }
      replay.FinalizeInto(result, row, data);
    }
  };
  function->destroy = [](uint8_t* state) {
    delete StateAt(state).set;
    StateAt(state).set = nullptr;
  };
  return function;
}

}  // namespace basin
