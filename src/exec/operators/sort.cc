#include "exec/operators/sort.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <queue>

#include "exec/hashing.h"
#include "exec/operators/result_collector.h"

namespace basin {

namespace {

// One thread's rows, sorted.
struct SortedRun {
  std::vector<Batch> batches;
  std::string key_bytes;
  std::vector<uint64_t> key_offsets;  // one per row, plus the end
  std::vector<uint32_t> order;        // row numbers (into the run) in sorted order
  std::vector<RowRef> refs;           // row number -> batch and row
  uint64_t reserved_bytes = 0;

  // The first 8 key bytes of each row as a big-endian integer: most comparisons are
  // decided by one integer compare instead of a memcmp.
  std::vector<uint64_t> prefixes;

  std::string_view Key(uint32_t row) const {
    return {key_bytes.data() + key_offsets[row], key_offsets[row + 1] - key_offsets[row]};
  }
  bool Less(uint32_t a, uint32_t b) const {
    if (prefixes[a] != prefixes[b]) return prefixes[a] < prefixes[b];
    return KeyLessAfterPrefix(Key(a), Key(b));
  }

  static bool KeyLessAfterPrefix(std::string_view a, std::string_view b);
};

uint64_t KeyPrefix(std::string_view key) {
  uint8_t bytes[8] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(8, key.size()));
  uint64_t prefix = 0;
  for (uint8_t byte : bytes) prefix = (prefix << 8) | byte;
  return prefix;
}

bool KeyLess(std::string_view a, std::string_view b) {
  const int cmp = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  return cmp < 0 || (cmp == 0 && a.size() < b.size());
}

// REQUIRES: the first 8 bytes (zero padded) are equal.
bool SortedRun::KeyLessAfterPrefix(std::string_view a, std::string_view b) {
  if (a.size() <= 8 || b.size() <= 8) return a.size() < b.size();
  return KeyLess(a.substr(8), b.substr(8));
}

struct SortGlobal : GlobalState {
  std::mutex mutex;
  std::vector<SortedRun> runs;
  // The merged order: (run, position in run's order).
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  // Merged rows as refs into one list of all runs' batches.
  std::vector<Batch> all_batches;
  std::vector<RowRef> output;
  size_t next = 0;
  MemoryTracker* memory = nullptr;
  uint64_t reserved_bytes = 0;
  ~SortGlobal() override {
    if (memory) memory->Release(reserved_bytes);
  }
};

struct SortLocal : LocalState {
  SortedRun run;
};

}  // namespace

SortNode::SortNode(std::vector<LogicalType> types, std::vector<SortKeySpec> keys, std::optional<uint64_t> limit)
    : PhysicalNode(limit ? "TOP_N" : "ORDER_BY", std::move(types)), encoder_(keys), keys_(std::move(keys)), limit_(limit) {}

std::unique_ptr<GlobalState> SortNode::InitGlobal(ExecutionContext& ctx) const {
  auto state = std::make_unique<SortGlobal>();
  state->memory = &ctx.memory;
  return state;
}

std::unique_ptr<LocalState> SortNode::InitSinkLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<SortLocal>();
}

SinkResult SortNode::Consume(ExecutionContext& ctx, const Batch& in, GlobalState* global, LocalState* local) const {
  auto& run = static_cast<SortLocal&>(*local).run;
  const size_t before = run.key_bytes.size();
  const uint32_t batch_index = static_cast<uint32_t>(run.batches.size());
  encoder_.Encode(in, run.key_bytes, run.key_offsets);
  for (uint32_t row = 0; row < in.size; ++row) run.refs.push_back({batch_index, row});
  run.batches.push_back(ShareBatch(in));
  uint64_t bytes = run.key_bytes.size() - before + in.size * (sizeof(uint64_t) + sizeof(RowRef));
  for (const auto& type : in.Types()) bytes += uint64_t{in.size} * type.PhysicalSize();
  ctx.memory.Reserve(bytes);
  auto& state = static_cast<SortGlobal&>(*global);
  {
    std::lock_guard lock(state.mutex);
    state.reserved_bytes += bytes;
  }
  return SinkResult::kNeedMoreInput;
}

void SortNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local) const {
  auto& run = static_cast<SortLocal&>(*local).run;
  run.key_offsets.push_back(run.key_bytes.size());
  const uint32_t rows = static_cast<uint32_t>(run.refs.size());
  run.order.resize(rows);
  for (uint32_t i = 0; i < rows; ++i) run.order[i] = i;
  run.prefixes.resize(rows);
  for (uint32_t i = 0; i < rows; ++i) run.prefixes[i] = KeyPrefix(run.Key(i));
  auto less = [&run](uint32_t a, uint32_t b) { return run.Less(a, b); };
  if (limit_ && *limit_ < rows) {
    std::partial_sort(run.order.begin(), run.order.begin() + static_cast<ptrdiff_t>(*limit_), run.order.end(), less);
    run.order.resize(*limit_);
  } else {
    std::sort(run.order.begin(), run.order.end(), less);
  }
  auto& state = static_cast<SortGlobal&>(*global);
  std::lock_guard lock(state.mutex);
  state.runs.push_back(std::move(run));
}

void SortNode::Finalize(ExecutionContext&, GlobalState* global) const {
  auto& state = static_cast<SortGlobal&>(*global);
  // All runs' batches in one list, so output rows can be gathered by RowRef.
  std::vector<uint32_t> batch_base;
  for (auto& run : state.runs) {
    batch_base.push_back(static_cast<uint32_t>(state.all_batches.size()));
    for (auto& batch : run.batches) state.all_batches.push_back(std::move(batch));
  }
  // k-way merge of the runs' orders.
  using Cursor = std::pair<uint32_t, uint32_t>;  // run, position
  auto greater = [&state](const Cursor& a, const Cursor& b) {
    const SortedRun& ra = state.runs[a.first];
    const SortedRun& rb = state.runs[b.first];
    return KeyLess(rb.Key(rb.order[b.second]), ra.Key(ra.order[a.second]));
  };
  std::priority_queue<Cursor, std::vector<Cursor>, decltype(greater)> heap(greater);
  for (uint32_t r = 0; r < state.runs.size(); ++r) {
    if (!state.runs[r].order.empty()) heap.push({r, 0});
  }
  const uint64_t wanted = limit_.value_or(UINT64_MAX);
  while (!heap.empty() && state.output.size() < wanted) {
    const Cursor top = heap.top();
    heap.pop();
    const SortedRun& run = state.runs[top.first];
    RowRef ref = run.refs[run.order[top.second]];
    ref.batch += batch_base[top.first];
    state.output.push_back(ref);
    if (top.second + 1 < run.order.size()) heap.push({top.first, top.second + 1});
  }
  // Keys are no longer needed.
  for (auto& run : state.runs) {
    run.key_bytes.clear();
    run.key_bytes.shrink_to_fit();
  }
}

bool SortNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<SortGlobal&>(*global);
  if (state.next >= state.output.size()) return false;
  const uint32_t count = static_cast<uint32_t>(std::min<size_t>(kBatchSize, state.output.size() - state.next));
  for (size_t c = 0; c < out.columns.size(); ++c) {
    GatherColumn(state.all_batches, c, state.output.data() + state.next, count, out.columns[c]);
  }
  out.size = count;
  state.next += count;
  return true;
}

std::string SortNode::Details() const {
  std::string details;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (i > 0) details += ", ";
    details += "#" + std::to_string(keys_[i].column) + (keys_[i].descending ? " DESC" : " ASC");
  }
  if (limit_) details += " LIMIT " + std::to_string(*limit_);
  return details;
}

}  // namespace basin
