#include "exec/operators/window.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

#include "exec/hashing.h"
#include "exec/operators/result_collector.h"
#include "exec/operators/window_evaluator.h"

namespace basin {

namespace {

// Buckets when there is a PARTITION BY: enough for threads to balance uneven
// partitions, few enough that small inputs do not pay for many empty buckets.
constexpr uint32_t kPartitionBuckets = 64;

// Keys of a list of rows: one byte string per row, addressed by offsets.
struct KeyColumn {
  std::string bytes;
  std::vector<uint64_t> offsets;  // one per row, plus the end after Combine
  std::string_view Key(uint32_t row) const {
    return {bytes.data() + offsets[row], offsets[row + 1] - offsets[row]};
  }
};

int CompareKeys(std::string_view a, std::string_view b) {
  const int cmp = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (cmp != 0) return cmp;
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// A row's place in the sort: the first 24 bytes of its partition key followed by its
// order key, as big-endian words, so that most comparisons are three integer
// compares. Encoded keys are prefix-free, so the concatenation orders like the pair
// and words that are equal over two keys of at most 24 bytes mean equal keys.
struct SortRecord {
  uint64_t words[3];
  uint32_t row;
  uint32_t length;  // of the concatenated key
};

void FillWords(SortRecord& record, std::string_view partition_key, std::string_view order_key) {
  uint8_t bytes[24] = {};
  const size_t from_partition = std::min<size_t>(24, partition_key.size());
  std::memcpy(bytes, partition_key.data(), from_partition);
  std::memcpy(bytes + from_partition, order_key.data(), std::min<size_t>(24 - from_partition, order_key.size()));
  for (int w = 0; w < 3; ++w) {
    uint64_t word = 0;
    for (int b = 0; b < 8; ++b) word = (word << 8) | bytes[w * 8 + b];
    record.words[w] = word;
  }
  record.length = static_cast<uint32_t>(partition_key.size() + order_key.size());
}

// One thread's rows: batches, keys and bucket per row; after Combine, the rows
// sorted by (bucket, partition key, order key, row) and where each bucket starts.
struct WindowRun {
  std::vector<Batch> batches;
  std::vector<RowRef> refs;  // row -> batch (local numbering) and row
  KeyColumn partition_keys;
  KeyColumn order_keys;
  std::vector<uint16_t> buckets;
  std::vector<SortRecord> order;
  std::vector<uint32_t> bucket_starts;  // num_buckets + 1 entries, into `order`
  uint32_t batch_base = 0;              // of this run's batches in the global list
};

// Compares two rows' keys: words first, the whole keys only when those tie.
int CompareRecords(const WindowRun& run_a, const SortRecord& a, const WindowRun& run_b, const SortRecord& b) {
  for (int w = 0; w < 3; ++w) {
    if (a.words[w] != b.words[w]) return a.words[w] < b.words[w] ? -1 : 1;
  }
  if (a.length <= 24 && b.length <= 24) return 0;
  int cmp = CompareKeys(run_a.partition_keys.Key(a.row), run_b.partition_keys.Key(b.row));
  if (cmp == 0) cmp = CompareKeys(run_a.order_keys.Key(a.row), run_b.order_keys.Key(b.row));
  return cmp;
}

struct WindowGlobal : GlobalState {
  std::mutex mutex;
  std::vector<WindowRun> runs;
  std::vector<Batch> all_batches;
  std::atomic<uint32_t> next_bucket{0};
  MemoryTracker* memory = nullptr;
  std::atomic<uint64_t> reserved_bytes{0};
  ~WindowGlobal() override {
    if (memory) memory->Release(reserved_bytes.load());
  }
};

struct WindowSinkLocal : LocalState {
  WindowRun run;
  std::vector<uint64_t> hashes;
};

struct WindowSourceLocal : LocalState {
  std::vector<Batch> output;
  size_t next = 0;
};

}  // namespace

WindowNode::WindowNode(std::vector<LogicalType> input_types, WindowPartitionSpec partition,
                       std::vector<WindowFunctionSpec> functions)
    : PhysicalNode("WINDOW", [&] {
        std::vector<LogicalType> types = input_types;
        for (const auto& function : functions) types.push_back(function.result_type);
        return types;
      }()),
      input_types_(std::move(input_types)),
      partition_(std::move(partition)),
      functions_(std::move(functions)),
      partition_encoder_([this] {
        std::vector<SortKeySpec> keys;
        for (uint32_t column : partition_.partition_columns) keys.push_back({column, false, false});
        return keys;
      }()),
      order_encoder_(partition_.order_keys),
      num_buckets_(partition_.partition_columns.empty() ? 1 : kPartitionBuckets) {}

std::unique_ptr<GlobalState> WindowNode::InitGlobal(ExecutionContext& ctx) const {
  auto state = std::make_unique<WindowGlobal>();
  state->memory = &ctx.memory;
  return state;
}

std::unique_ptr<LocalState> WindowNode::InitSinkLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<WindowSinkLocal>();
}

SinkResult WindowNode::Consume(ExecutionContext& ctx, const Batch& in, GlobalState* global, LocalState* local_state) const {
  auto& local = static_cast<WindowSinkLocal&>(*local_state);
  WindowRun& run = local.run;
  const size_t key_bytes_before = run.partition_keys.bytes.size() + run.order_keys.bytes.size();
  const uint32_t batch_index = static_cast<uint32_t>(run.batches.size());
  partition_encoder_.Encode(in, run.partition_keys.bytes, run.partition_keys.offsets);
  order_encoder_.Encode(in, run.order_keys.bytes, run.order_keys.offsets);
  if (num_buckets_ > 1) {
    HashKeys(in, partition_.partition_columns, local.hashes);
    for (uint32_t row = 0; row < in.size; ++row) {
      run.buckets.push_back(static_cast<uint16_t>((local.hashes[row] >> 32) % num_buckets_));
    }
  } else {
    run.buckets.resize(run.buckets.size() + in.size, 0);
  }
  for (uint32_t row = 0; row < in.size; ++row) run.refs.push_back({batch_index, row});
  run.batches.push_back(ShareBatch(in));
  uint64_t bytes = run.partition_keys.bytes.size() + run.order_keys.bytes.size() - key_bytes_before +
                   uint64_t{in.size} * (2 * sizeof(uint64_t) + sizeof(RowRef) + sizeof(uint16_t) + sizeof(SortRecord));
  for (const auto& type : in.Types()) bytes += uint64_t{in.size} * type.PhysicalSize();
  ctx.memory.Reserve(bytes);
  static_cast<WindowGlobal&>(*global).reserved_bytes += bytes;
  return SinkResult::kNeedMoreInput;
}

void WindowNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local_state) const {
  WindowRun& run = static_cast<WindowSinkLocal&>(*local_state).run;
  run.partition_keys.offsets.push_back(run.partition_keys.bytes.size());
  run.order_keys.offsets.push_back(run.order_keys.bytes.size());
  const uint32_t rows = static_cast<uint32_t>(run.refs.size());
  // Counting sort by bucket, then a comparison sort within each bucket.
  run.bucket_starts.assign(num_buckets_ + 1, 0);
  for (uint32_t row = 0; row < rows; ++row) ++run.bucket_starts[run.buckets[row] + 1];
  for (uint32_t b = 0; b < num_buckets_; ++b) run.bucket_starts[b + 1] += run.bucket_starts[b];
  run.order.resize(rows);
  {
    std::vector<uint32_t> fill(run.bucket_starts.begin(), run.bucket_starts.end() - 1);
    for (uint32_t row = 0; row < rows; ++row) {
      SortRecord& record = run.order[fill[run.buckets[row]]++];
      record.row = row;
      FillWords(record, run.partition_keys.Key(row), run.order_keys.Key(row));
    }
  }
  auto less = [&run](const SortRecord& a, const SortRecord& b) {
    const int cmp = CompareRecords(run, a, run, b);
    return cmp != 0 ? cmp < 0 : a.row < b.row;
  };
  for (uint32_t b = 0; b < num_buckets_; ++b) {
    std::sort(run.order.begin() + run.bucket_starts[b], run.order.begin() + run.bucket_starts[b + 1], less);
  }
  run.buckets.clear();
  run.buckets.shrink_to_fit();
  auto& state = static_cast<WindowGlobal&>(*global);
  std::lock_guard lock(state.mutex);
  state.runs.push_back(std::move(run));
}

void WindowNode::Finalize(ExecutionContext&, GlobalState* global) const {
  auto& state = static_cast<WindowGlobal&>(*global);
  for (auto& run : state.runs) {
    run.batch_base = static_cast<uint32_t>(state.all_batches.size());
    for (auto& batch : run.batches) state.all_batches.push_back(std::move(batch));
    run.batches.clear();
  }
}

std::unique_ptr<LocalState> WindowNode::InitSourceLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<WindowSourceLocal>();
}

bool WindowNode::GetData(ExecutionContext& ctx, GlobalState* global, LocalState* local_state, Batch& out) const {
  auto& state = static_cast<WindowGlobal&>(*global);
  auto& local = static_cast<WindowSourceLocal&>(*local_state);
  while (local.next >= local.output.size()) {
    local.output.clear();
    local.next = 0;
    const uint32_t bucket = state.next_bucket.fetch_add(1);
    if (bucket >= num_buckets_) return false;
    ctx.CheckInterrupted();
    // Merge the runs' sorted rows of this bucket.
    struct Cursor {
      const WindowRun* run;
      uint32_t position;
      uint32_t end;
    };
    std::vector<Cursor> cursors;
    uint64_t total = 0;
    for (const auto& run : state.runs) {
      const uint32_t begin = run.bucket_starts[bucket], end = run.bucket_starts[bucket + 1];
      if (begin < end) cursors.push_back({&run, begin, end});
      total += end - begin;
    }
    if (total == 0) continue;
    SortedRows rows;
    rows.refs.reserve(total);
    rows.partition_keys.reserve(total);
    rows.order_keys.reserve(total);
    auto emit = [&rows](const Cursor& cursor) {
      const uint32_t row = cursor.run->order[cursor.position].row;
      RowRef ref = cursor.run->refs[row];
      ref.batch += cursor.run->batch_base;
      rows.refs.push_back(ref);
      rows.partition_keys.push_back(cursor.run->partition_keys.Key(row));
      rows.order_keys.push_back(cursor.run->order_keys.Key(row));
    };
    auto cursor_less = [](const Cursor& a, const Cursor& b) {
      const int cmp = CompareRecords(*a.run, a.run->order[a.position], *b.run, b.run->order[b.position]);
      return cmp != 0 ? cmp < 0 : a.run < b.run;
    };
    while (!cursors.empty()) {
      size_t best = 0;
      for (size_t i = 1; i < cursors.size(); ++i) {
        if (cursor_less(cursors[i], cursors[best])) best = i;
      }
      Cursor& cursor = cursors[best];
      if (cursors.size() == 1) {
        for (; cursor.position < cursor.end; ++cursor.position) emit(cursor);
      } else {
        emit(cursor);
        ++cursor.position;
      }
      if (cursor.position == cursor.end) cursors.erase(cursors.begin() + static_cast<ptrdiff_t>(best));
    }
    rows.Gather(state.all_batches, types());
    for (size_t f = 0; f < functions_.size(); ++f) {
      EvaluateWindowFunction(functions_[f], partition_, rows, static_cast<uint32_t>(input_types_.size() + f));
    }
    local.output = std::move(rows.chunks);
  }
  Batch& next = local.output[local.next++];
  out.columns = std::move(next.columns);
  out.size = next.size;
  return true;
}

std::string WindowNode::Details() const {
  std::string details;
  if (!partition_.partition_columns.empty()) {
    details += "PARTITION BY";
    for (size_t i = 0; i < partition_.partition_columns.size(); ++i) {
      details += (i ? ", #" : " #") + std::to_string(partition_.partition_columns[i]);
    }
  }
  if (!partition_.order_keys.empty()) {
    details += details.empty() ? "ORDER BY" : " ORDER BY";
    for (size_t i = 0; i < partition_.order_keys.size(); ++i) {
      details += (i ? ", #" : " #") + std::to_string(partition_.order_keys[i].column) +
                 (partition_.order_keys[i].descending ? " DESC" : "");
    }
  }
  for (const auto& function : functions_) details += (details.empty() ? "" : "; ") + function.description;
  return details;
}

}  // namespace basin
