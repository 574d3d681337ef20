#include "function/ordered_aggregate.h"

#include <algorithm>
#include <new>
#include <string>

#include "common/batch.h"
#include "common/value.h"
#include "function/aggregate/replay_state.h"

namespace basin {

namespace {

struct OrderedRow {
  std::string key;  // normalized sort key: memcmp order is the ORDER BY order
  std::vector<Value> values;
};

struct OrderedRows {
  std::vector<LogicalType> types;  // of the inner aggregate's arguments
  std::vector<OrderedRow> rows;
};

struct OrderedState {
  OrderedRows* rows = nullptr;  // null until the first row
};

OrderedState& StateAt(uint8_t* state) { return *std::launder(reinterpret_cast<OrderedState*>(state)); }

// Drops rows whose values repeat an earlier row of the same sort key. REQUIRES: rows
// sorted by key.
void RemoveDuplicates(std::vector<OrderedRow>& rows) {
  size_t kept = 0;
  size_t run_start = 0;  // first kept row with the current key
  for (size_t i = 0; i < rows.size(); ++i) {
    if (kept > 0 && rows[i].key != rows[kept - 1].key) run_start = kept;
    bool duplicate = false;
    for (size_t j = run_start; j < kept && !duplicate; ++j) duplicate = rows[j].values == rows[i].values;
    if (duplicate) continue;
    if (kept != i) rows[kept] = std::move(rows[i]);
    ++kept;
  }
  rows.resize(kept);
}

}  // namespace

std::shared_ptr<const AggregateFunction> MakeOrderedAggregate(std::shared_ptr<const AggregateFunction> inner,
                                                              uint32_t num_args, std::vector<SortKeySpec> orders,
                                                              bool distinct) {
  auto function = std::make_shared<AggregateFunction>(*inner);
  for (uint32_t i = 0; i < orders.size(); ++i) orders[i].column = i;
  const SortKeyEncoder encoder(orders);
  function->state_size = sizeof(OrderedState);
  function->ignores_nulls = false;  // the inner aggregate decides about NULLs
  function->initialize = [](uint8_t* state) { new (state) OrderedState(); };
  function->update = [num_args, encoder](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                                         const FunctionData*) {
    Batch keys_input;
    keys_input.columns.resize(args.size() - num_args);
    for (size_t i = num_args; i < args.size(); ++i) keys_input.columns[i - num_args].Reference(*args[i]);
    keys_input.size = count;
    std::string key_bytes;
    std::vector<uint64_t> key_offsets;
    encoder.Encode(keys_input, key_bytes, key_offsets);
    key_offsets.push_back(key_bytes.size());
    for (uint32_t row = 0; row < count; ++row) {
      OrderedState& state = StateAt(states[row]);
      if (state.rows == nullptr) {
        state.rows = new OrderedRows();
        for (uint32_t a = 0; a < num_args; ++a) state.rows->types.push_back(args[a]->type());
      }
      OrderedRow ordered;
      ordered.key = key_bytes.substr(key_offsets[row], key_offsets[row + 1] - key_offsets[row]);
      for (uint32_t a = 0; a < num_args; ++a) ordered.values.push_back(args[a]->GetValue(row));
      state.rows->rows.push_back(std::move(ordered));
    }
  };
  function->combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    OrderedState& from = StateAt(const_cast<uint8_t*>(source));
    if (from.rows == nullptr) return;
    OrderedState& to = StateAt(target);
    if (to.rows == nullptr) {
      std::swap(to.rows, from.rows);
      return;
    }
    for (auto& row : from.rows->rows) to.rows->rows.push_back(std::move(row));
    from.rows->rows.clear();
  };
  function->finalize = [inner, num_args, distinct](uint8_t** states, uint32_t count, Vector& result, const FunctionData* data) {
    for (uint32_t row = 0; row < count; ++row) {
      ReplayState replay(*inner);
      OrderedState& state = StateAt(states[row]);
      if (state.rows != nullptr) {
        auto& rows = state.rows->rows;
        // Stable: ties keep their input order, as PostgreSQL's sort of one group
        // would for a serial scan.
        std::stable_sort(rows.begin(), rows.end(),
                         [](const OrderedRow& a, const OrderedRow& b) { return a.key < b.key; });
        if (distinct) RemoveDuplicates(rows);
        for (size_t fed = 0; fed < rows.size();) {
          const uint32_t chunk = static_cast<uint32_t>(std::min<size_t>(kBatchSize, rows.size() - fed));
          std::vector<Vector> columns;
          std::vector<const Vector*> pointers;
          for (uint32_t a = 0; a < num_args; ++a) columns.emplace_back(state.rows->types[a], chunk);
          for (uint32_t i = 0; i < chunk; ++i) {
            for (uint32_t a = 0; a < num_args; ++a) columns[a].SetValue(i, rows[fed + i].values[a]);
          }
          for (const auto& column : columns) pointers.push_back(&column);
          replay.Update(pointers, chunk, data);
          fed += chunk;
        }
      }
      replay.FinalizeInto(result, row, data);
    }
  };
  function->destroy = [](uint8_t* state) {
    delete StateAt(state).rows;
    StateAt(state).rows = nullptr;
  };
  return function;
}

}  // namespace basin
