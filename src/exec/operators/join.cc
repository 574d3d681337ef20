#include "exec/operators/join.h"

#include <atomic>
#include <mutex>

#include "common/error.h"
#include "exec/expression_evaluator.h"
#include "exec/hashing.h"
#include "exec/operators/result_collector.h"

namespace basin {

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner:
      return "INNER";
    case JoinType::kLeft:
      return "LEFT";
    case JoinType::kRight:
      return "RIGHT";
    case JoinType::kFull:
      return "FULL";
    case JoinType::kSemi:
      return "SEMI";
    case JoinType::kAnti:
      return "ANTI";
    case JoinType::kMark:
      return "MARK";
    case JoinType::kSingle:
      return "SINGLE";
  }
  return "?";
}

namespace {

struct JoinGlobal : GlobalState {
  std::mutex mutex;
  std::vector<Batch> batches;  // the build side
  std::vector<RowRef> refs;    // build row id -> where it is
  std::vector<uint64_t> first_ids;  // batch -> id of its first row
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> heads;  // bucket -> first row id + 1 (0: empty)
  std::vector<uint32_t> next;   // row id -> next row id + 1 in the bucket
  uint64_t mask = 0;
  bool has_null_key = false;
  std::unique_ptr<std::atomic<uint8_t>[]> matched;  // RIGHT/FULL: build rows that matched
  std::atomic<size_t> next_unmatched_batch{0};
  MemoryTracker* memory = nullptr;
  uint64_t reserved_bytes = 0;
  ~JoinGlobal() override {
    if (memory) memory->Release(reserved_bytes);
  }
};

struct JoinBuildLocal : LocalState {
  std::vector<Batch> batches;
};

std::vector<LogicalType> JoinOutputTypes(JoinType type, const std::vector<LogicalType>& probe,
                                         const std::vector<LogicalType>& build) {
  std::vector<LogicalType> types = probe;
  if (type == JoinType::kSemi || type == JoinType::kAnti) return types;
  if (type == JoinType::kMark) {
    types.push_back(TypeId::kBoolean);
    return types;
  }
  types.insert(types.end(), build.begin(), build.end());
  return types;
}

}  // namespace

struct JoinNode::ProbeState : LocalState {
  bool in_progress = false;
  bool pairs_done = false;
  uint32_t probe_row = 0;
  bool row_started = false;
  uint32_t cursor = 0;  // next candidate row id + 1 (0: none left)
  std::vector<uint64_t> hashes;
  std::vector<uint8_t> matched;  // per probe row of the current input
  std::vector<uint8_t> unknown;  // null-aware marks: a comparison was NULL
  std::vector<uint32_t> pair_probe;
  std::vector<RowRef> pair_build;
  std::vector<uint32_t> pair_build_id;
  ExpressionEvaluator evaluator;
  std::vector<uint32_t> selection;
};

JoinNode::JoinNode(JoinType type, std::vector<LogicalType> probe_types, std::vector<LogicalType> build_types,
                   std::vector<Key> keys, ExprPtr residual, bool null_aware)
    : PhysicalNode(keys.empty() ? "NESTED_LOOP_JOIN" : "HASH_JOIN", JoinOutputTypes(type, probe_types, build_types)),
      type_(type),
      probe_types_(std::move(probe_types)),
      build_types_(std::move(build_types)),
      keys_(std::move(keys)),
      residual_(std::move(residual)),
      null_aware_(null_aware) {
  for (const auto& key : keys_) key_equal_.push_back(GetRowEqualFunction(probe_types_[key.probe_column]));
}

const Source* JoinNode::TrailingSource() const {
  return (type_ == JoinType::kRight || type_ == JoinType::kFull) ? this : nullptr;
}

bool JoinNode::EmitsPairs() const {
  return type_ == JoinType::kInner || type_ == JoinType::kLeft || type_ == JoinType::kRight ||
         type_ == JoinType::kFull || type_ == JoinType::kSingle;
}

std::unique_ptr<GlobalState> JoinNode::InitGlobal(ExecutionContext& ctx) const {
  auto state = std::make_unique<JoinGlobal>();
  state->memory = &ctx.memory;
  return state;
}

std::unique_ptr<LocalState> JoinNode::InitSinkLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<JoinBuildLocal>();
}

SinkResult JoinNode::Consume(ExecutionContext& ctx, const Batch& in, GlobalState* global, LocalState* local) const {
  uint64_t bytes = 0;
  for (const auto& type : build_types_) bytes += uint64_t{in.size} * type.PhysicalSize();
  bytes += uint64_t{in.size} * (sizeof(RowRef) + sizeof(uint64_t) + 2 * sizeof(uint32_t));
  ctx.memory.Reserve(bytes);
  {
    auto& state = static_cast<JoinGlobal&>(*global);
    std::lock_guard lock(state.mutex);
    state.reserved_bytes += bytes;
  }
  static_cast<JoinBuildLocal&>(*local).batches.push_back(ShareBatch(in));
  return SinkResult::kNeedMoreInput;
}

void JoinNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local) const {
  auto& state = static_cast<JoinGlobal&>(*global);
  auto& batches = static_cast<JoinBuildLocal&>(*local).batches;
  std::lock_guard lock(state.mutex);
  for (auto& batch : batches) state.batches.push_back(std::move(batch));
}

void JoinNode::Finalize(ExecutionContext&, GlobalState* global) const {
  auto& state = static_cast<JoinGlobal&>(*global);
  uint64_t rows = 0;
  for (const auto& batch : state.batches) rows += batch.size;
  if (rows >= UINT32_MAX) throw Error(sqlstate::kFeatureNotSupported, "join build side exceeds 4 billion rows");
  state.refs.reserve(rows);
  state.hashes.reserve(rows);
  std::vector<uint32_t> build_keys;
  for (const auto& key : keys_) build_keys.push_back(key.build_column);
  std::vector<uint64_t> hashes;
  for (uint32_t b = 0; b < state.batches.size(); ++b) {
    const Batch& batch = state.batches[b];
    HashKeys(batch, build_keys, hashes);
    state.first_ids.push_back(state.refs.size());
    for (uint32_t row = 0; row < batch.size; ++row) {
      state.refs.push_back({b, row});
      state.hashes.push_back(hashes[row]);
    }
  }
  uint64_t buckets = 1;
  while (buckets < rows) buckets <<= 1;  // chains: a load factor up to 1 is fine
  state.mask = buckets - 1;
  state.heads.assign(keys_.empty() ? 0 : buckets, 0);
  state.next.assign(keys_.empty() ? 0 : rows, 0);
  if (!keys_.empty()) {
    // Insert in reverse so that chains list rows in input order.
    for (uint32_t id = static_cast<uint32_t>(rows); id-- > 0;) {
      const RowRef ref = state.refs[id];
      bool null_key = false;
      for (const auto& key : keys_) {
        if (!key.nulls_equal && !state.batches[ref.batch].columns[key.build_column].IsValid(ref.row)) null_key = true;
      }
      if (null_key) {
        state.has_null_key = true;
        continue;  // never matches
      }
      const uint64_t bucket = state.hashes[id] & state.mask;
      state.next[id] = state.heads[bucket];
      state.heads[bucket] = id + 1;
    }
  }
  if (TrailingSource() != nullptr) {
    state.matched = std::make_unique<std::atomic<uint8_t>[]>(rows == 0 ? 1 : rows);
    for (uint64_t i = 0; i < rows; ++i) state.matched[i].store(0, std::memory_order_relaxed);
  }
}

std::unique_ptr<LocalState> JoinNode::InitOperatorLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<ProbeState>();
}

OperatorResult JoinNode::Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState* global,
                                 LocalState* local_state) const {
  auto& state = static_cast<JoinGlobal&>(*global);
  auto& local = static_cast<ProbeState&>(*local_state);
  if (!local.in_progress) {
    local.in_progress = true;
    local.pairs_done = false;
    local.probe_row = 0;
    local.row_started = false;
    local.matched.assign(in.size, 0);
    local.unknown.assign(in.size, 0);
    std::vector<uint32_t> probe_keys;
    for (const auto& key : keys_) probe_keys.push_back(key.probe_column);
    HashKeys(in, probe_keys, local.hashes);
  }
  if (!local.pairs_done) {
    // Collect up to a batch of candidate pairs.
    local.pair_probe.clear();
    local.pair_build.clear();
    local.pair_build_id.clear();
    const uint32_t build_rows = static_cast<uint32_t>(state.refs.size());
    while (local.probe_row < in.size && local.pair_probe.size() < kBatchSize) {
      const uint32_t row = local.probe_row;
      if (!local.row_started) {
        local.row_started = true;
        bool null_key = false;
        for (const auto& key : keys_) {
          if (!key.nulls_equal && !in.columns[key.probe_column].IsValid(row)) null_key = true;
        }
        if (null_key || build_rows == 0) {
          local.cursor = 0;
        } else {
          local.cursor = keys_.empty() ? 1 : state.heads[local.hashes[row] & state.mask];
        }
      }
      while (local.cursor != 0 && local.pair_probe.size() < kBatchSize) {
        const uint32_t id = local.cursor - 1;
        if (keys_.empty()) {
          local.cursor = id + 1 < build_rows ? id + 2 : 0;
        } else {
          local.cursor = state.next[id];
          if (state.hashes[id] != local.hashes[row]) continue;
        }
        const RowRef ref = state.refs[id];
        bool equal = true;
        for (size_t k = 0; k < keys_.size() && equal; ++k) {
          const Vector& probe = in.columns[keys_[k].probe_column];
          const Vector& build = state.batches[ref.batch].columns[keys_[k].build_column];
          const bool probe_valid = probe.IsValid(row);
          const bool build_valid = build.IsValid(ref.row);
          if (!probe_valid || !build_valid) {
            equal = probe_valid == build_valid;  // only reachable with nulls_equal
          } else {
            equal = key_equal_[k](probe, row, build, ref.row);
          }
        }
        if (!equal) continue;
        local.pair_probe.push_back(row);
        local.pair_build.push_back(ref);
        local.pair_build_id.push_back(id);
      }
      if (local.cursor == 0) {
        ++local.probe_row;
        local.row_started = false;
      }
    }
    if (local.probe_row >= in.size) local.pairs_done = true;

    uint32_t pairs = static_cast<uint32_t>(local.pair_probe.size());
    if (pairs > 0) {
      Batch joined;
      const bool need_joined = residual_ != nullptr || EmitsPairs();
      if (need_joined) {
        joined.Initialize(JoinOutputTypes(JoinType::kInner, probe_types_, build_types_), pairs);
        for (size_t c = 0; c < probe_types_.size(); ++c) {
          CopyRows(in.columns[c], local.pair_probe.data(), pairs, joined.columns[c], 0);
        }
        for (size_t c = 0; c < build_types_.size(); ++c) {
          GatherColumn(state.batches, c, local.pair_build.data(), pairs, joined.columns[probe_types_.size() + c]);
        }
        joined.size = pairs;
      }
      const uint32_t* passing = nullptr;
      if (residual_ != nullptr && null_aware_) {
        // Keep the NULL outcomes apart: they make the mark NULL rather than false.
        Vector outcome;
        local.evaluator.Evaluate(*residual_, joined, outcome);
        outcome.Flatten(pairs);
        local.selection.clear();
        for (uint32_t i = 0; i < pairs; ++i) {
          if (!outcome.IsValid(i)) {
            local.unknown[local.pair_probe[i]] = 1;
          } else if (outcome.data<bool>()[i]) {
            local.selection.push_back(i);
          }
        }
        pairs = static_cast<uint32_t>(local.selection.size());
        passing = local.selection.data();
      } else if (residual_ != nullptr) {
        pairs = local.evaluator.Select(*residual_, joined, local.selection);
        passing = local.selection.data();
      }
      for (uint32_t i = 0; i < pairs; ++i) {
        const uint32_t pair = passing ? passing[i] : i;
        uint8_t& seen = local.matched[local.pair_probe[pair]];
        if (type_ == JoinType::kSingle && seen) {
          throw Error(sqlstate::kCardinalityViolation, "more than one row returned by a subquery used as an expression");
        }
        seen = 1;
        if (state.matched) state.matched[local.pair_build_id[pair]].store(1, std::memory_order_relaxed);
      }
      if (EmitsPairs() && pairs > 0) {
        for (size_t c = 0; c < joined.columns.size(); ++c) {
          if (passing == nullptr) {
            out.columns[c] = std::move(joined.columns[c]);
          } else {
            CopyRows(joined.columns[c], passing, pairs, out.columns[c], 0);
          }
        }
        out.size = pairs;
      }
    }
    if (!local.pairs_done || out.size > 0) return OperatorResult::kHaveMoreOutput;
  }
  EmitProbeOnlyRows(in, local, state, out);
  local.in_progress = false;
  return OperatorResult::kNeedInput;
}

void JoinNode::EmitProbeOnlyRows(const Batch& in, ProbeState& local, const GlobalState& global, Batch& out) const {
  const auto& state = static_cast<const JoinGlobal&>(global);
  std::vector<uint32_t> rows;
  switch (type_) {
    case JoinType::kInner:
    case JoinType::kRight:
      return;
    case JoinType::kSemi:
    case JoinType::kAnti:
    case JoinType::kLeft:
    case JoinType::kFull:
    case JoinType::kSingle: {
      const bool want_matched = type_ == JoinType::kSemi;
      for (uint32_t row = 0; row < in.size; ++row) {
        if ((local.matched[row] != 0) == want_matched) rows.push_back(row);
      }
      break;
    }
    case JoinType::kMark: {
      for (size_t c = 0; c < probe_types_.size(); ++c) out.columns[c].Reference(in.columns[c]);
      Vector& mark = out.columns.back();
      const bool build_empty = state.refs.empty();
      for (uint32_t row = 0; row < in.size; ++row) {
        mark.data<bool>()[row] = local.matched[row] != 0;
        if (local.matched[row] || build_empty || !null_aware_) continue;
        if (local.unknown[row]) {
          mark.SetNull(row);
          continue;
        }
        bool probe_null = false;
        for (const auto& key : keys_) {
          if (!key.nulls_equal && !in.columns[key.probe_column].IsValid(row)) probe_null = true;
        }
        if (probe_null || state.has_null_key) mark.SetNull(row);
      }
      out.size = in.size;
      return;
    }
  }
  const uint32_t count = static_cast<uint32_t>(rows.size());
  if (count == 0) return;
  for (size_t c = 0; c < probe_types_.size(); ++c) {
    if (count == in.size) {
      out.columns[c].Reference(in.columns[c]);
    } else {
      CopyRows(in.columns[c], rows.data(), count, out.columns[c], 0);
    }
  }
  for (size_t c = probe_types_.size(); c < out.columns.size(); ++c) {
    for (uint32_t i = 0; i < count; ++i) out.columns[c].SetNull(i);
  }
  out.size = count;
}

bool JoinNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<JoinGlobal&>(*global);
  for (;;) {
    const size_t index = state.next_unmatched_batch.fetch_add(1);
    if (index >= state.batches.size()) return false;
    const uint64_t first_id = state.first_ids[index];
    const Batch& batch = state.batches[index];
    std::vector<uint32_t> rows;
    for (uint32_t row = 0; row < batch.size; ++row) {
      if (state.matched[first_id + row].load(std::memory_order_relaxed) == 0) rows.push_back(row);
    }
    if (rows.empty()) continue;
    const uint32_t count = static_cast<uint32_t>(rows.size());
    for (size_t c = 0; c < probe_types_.size(); ++c) {
      for (uint32_t i = 0; i < count; ++i) out.columns[c].SetNull(i);
    }
    for (size_t c = 0; c < build_types_.size(); ++c) {
      CopyRows(batch.columns[c], rows.data(), count, out.columns[probe_types_.size() + c], 0);
    }
    out.size = count;
    return true;
  }
}

std::string JoinNode::Details() const {
  std::string details = JoinTypeName(type_);
  if (null_aware_) details += " NULL-AWARE";
  for (size_t i = 0; i < keys_.size(); ++i) {
    details += (i == 0 ? " " : " AND ") + std::string("#") + std::to_string(keys_[i].probe_column) +
               (keys_[i].nulls_equal ? " IS NOT DISTINCT FROM #" : " = #") +
               std::to_string(keys_[i].build_column);
  }
  if (residual_) details += " [" + residual_->ToString() + "]";
  return details;
}

}  // namespace basin
