// Evaluation of window functions over sorted rows: ranking functions from the
// partition and peer boundaries, lag/lead by position, first/last/nth_value and
// aggregates over frames. Aggregates whose frames only grow (starting at UNBOUNDED
// PRECEDING, nothing excluded) are computed as running aggregates in O(n); others
// query a segment tree built per partition.
#include "exec/operators/window_evaluator.h"

#include <algorithm>
#include <cstring>

#include "common/datetime.h"
#include "common/error.h"
#include "exec/operators/window_segment_tree.h"
#include "function/decimal_access.h"

namespace basin {

void SortedRows::Gather(const std::vector<Batch>& batches, const std::vector<LogicalType>& types) {
  num_rows = static_cast<uint32_t>(refs.size());
  const size_t input_columns = batches.empty() ? 0 : batches[0].columns.size();
  for (uint32_t start = 0; start < num_rows; start += kBatchSize) {
    const uint32_t count = std::min<uint32_t>(kBatchSize, num_rows - start);
    Batch chunk(types);
    for (size_t c = 0; c < input_columns; ++c) GatherColumn(batches, c, refs.data() + start, count, chunk.columns[c]);
    chunk.size = count;
    chunks.push_back(std::move(chunk));
  }
  group_of.resize(num_rows);
  for (uint32_t row = 0; row < num_rows; ++row) {
    const bool new_partition = row == 0 || partition_keys[row] != partition_keys[row - 1];
    if (new_partition) partition_starts.push_back(row);
    if (new_partition || order_keys[row] != order_keys[row - 1]) group_starts.push_back(row);
    group_of[row] = static_cast<uint32_t>(group_starts.size() - 1);
  }
  partition_starts.push_back(num_rows);
  group_starts.push_back(num_rows);
  refs = {};
  partition_keys = {};
  order_keys = {};
}

namespace {

struct Range {
  uint32_t begin;
  uint32_t end;
};

// A frame after exclusion: up to three ranges of rows, in order.
struct Frame {
  Range ranges[3];
  int count = 0;
  void Add(uint32_t begin, uint32_t end) {
    if (begin < end) ranges[count++] = {begin, end};
  }
};

Vector& ResultColumn(SortedRows& rows, uint32_t row, uint32_t column) {
  return rows.chunks[row / kBatchSize].columns[column];
}

template <class T>
void WriteResult(SortedRows& rows, uint32_t row, uint32_t column, T value) {
  ResultColumn(rows, row, column).data<T>()[row % kBatchSize] = value;
}

void SetNullResult(SortedRows& rows, uint32_t row, uint32_t column) {
  ResultColumn(rows, row, column).SetNull(row % kBatchSize);
}

void CopyValue(SortedRows& rows, uint32_t source_row, uint32_t source_column, uint32_t row, uint32_t column) {
  const uint32_t sel = source_row % kBatchSize;
  CopyRows(rows.Column(source_row, source_column), &sel, 1, ResultColumn(rows, row, column), row % kBatchSize);
}

bool IsNullAt(const SortedRows& rows, uint32_t row, uint32_t column) {
  return !rows.Column(row, column).IsValid(row % kBatchSize);
}

// Reads an integer argument (ntile's, lag's offset, nth_value's n) of a row.
int64_t IntegerAt(const SortedRows& rows, uint32_t row, uint32_t column) {
  const Vector& vector = rows.Column(row, column);
  const uint32_t index = vector.is_constant() ? 0 : row % kBatchSize;
  switch (vector.type().id()) {
    case TypeId::kSmallInt:
      return vector.data<int16_t>()[index];
    case TypeId::kInteger:
      return vector.data<int32_t>()[index];
    default:
      return vector.data<int64_t>()[index];
  }
}

// Where frames start and end. For RANGE with an offset it keeps the ORDER BY
// column's values as int128 (integers, decimals and times in µs) or double.
class FrameFinder {
 public:
  FrameFinder(const WindowFunctionSpec& function, const WindowPartitionSpec& partition, const SortedRows& rows)
      : function_(function), rows_(rows) {
    const bool offsets = function.start == WindowBoundKind::kPreceding || function.start == WindowBoundKind::kFollowing ||
                         function.end == WindowBoundKind::kPreceding || function.end == WindowBoundKind::kFollowing;
    if (function.frame_mode != WindowFrameMode::kRange || !offsets) return;
    const SortKeySpec& key = partition.order_keys.at(0);
    descending_ = key.descending;
    const LogicalType& type = rows.chunks.at(0).columns[key.column].type();
    is_float_ = type.id() == TypeId::kReal || type.id() == TypeId::kDouble;
    is_temporal_ = type.id() == TypeId::kDate || type.id() == TypeId::kTimestamp || type.id() == TypeId::kTimestampTz;
    nulls_.resize(rows.num_rows);
    if (is_float_) {
      float_keys_.resize(rows.num_rows);
    } else {
      int_keys_.resize(rows.num_rows);
    }
    for (uint32_t row = 0; row < rows.num_rows; ++row) {
      const Vector& vector = rows.Column(row, key.column);
      const uint32_t index = vector.is_constant() ? 0 : row % kBatchSize;
      nulls_[row] = !vector.IsValid(index);
      if (nulls_[row]) continue;
      switch (type.id()) {
        case TypeId::kSmallInt:
          int_keys_[row] = vector.data<int16_t>()[index];
          break;
        case TypeId::kInteger:
          int_keys_[row] = vector.data<int32_t>()[index];
          break;
        case TypeId::kDate:
          int_keys_[row] = int128_t{vector.data<int32_t>()[index]} * 86'400'000'000LL;
          break;
        case TypeId::kBigInt:
        case TypeId::kTimestamp:
        case TypeId::kTimestampTz:
          int_keys_[row] = vector.data<int64_t>()[index];
          break;
        case TypeId::kReal:
          float_keys_[row] = vector.data<float>()[index];
          break;
        case TypeId::kDouble:
          float_keys_[row] = vector.data<double>()[index];
          break;
        case TypeId::kDecimal:
          int_keys_[row] = ReadDecimal(vector, index);
          break;
        default:
          throw Error(sqlstate::kFeatureNotSupported, "RANGE with offset is not supported for type " + type.ToString());
      }
    }
  }

  // Frame of row `row` in partition [partition_begin, partition_end), before exclusion.
  Range Bounds(uint32_t row, uint32_t partition_begin, uint32_t partition_end) {
    if (function_.frame_mode == WindowFrameMode::kRange && !nulls_.empty() &&
        partition_begin != cached_partition_) {
      cached_partition_ = partition_begin;
      non_null_begin_ = partition_begin;
      non_null_end_ = partition_end;
      while (non_null_begin_ < partition_end && nulls_[non_null_begin_]) ++non_null_begin_;
      while (non_null_end_ > non_null_begin_ && nulls_[non_null_end_ - 1]) --non_null_end_;
    }
    Range range{Bound(function_.start, function_.start_offset, true, row, partition_begin, partition_end),
                Bound(function_.end, function_.end_offset, false, row, partition_begin, partition_end)};
    if (range.end < range.begin) range.end = range.begin;
    return range;
  }

  Frame Exclude(uint32_t row, Range range) const {
    Frame frame;
    const uint32_t group = rows_.group_of[row];
    const uint32_t group_begin = rows_.group_starts[group], group_end = rows_.group_starts[group + 1];
    switch (function_.exclude) {
      case WindowExclude::kNoOthers:
        frame.Add(range.begin, range.end);
        break;
      case WindowExclude::kCurrentRow:
        frame.Add(range.begin, std::min(range.end, row));
        frame.Add(std::max(range.begin, row + 1), range.end);
        break;
      case WindowExclude::kGroup:
        frame.Add(range.begin, std::min(range.end, group_begin));
        frame.Add(std::max(range.begin, group_end), range.end);
        break;
      case WindowExclude::kTies:
        frame.Add(range.begin, std::min(range.end, group_begin));
        if (range.begin <= row && row < range.end) frame.Add(row, row + 1);
        frame.Add(std::max(range.begin, group_end), range.end);
        break;
    }
    return frame;
  }

 private:
  uint32_t Bound(WindowBoundKind kind, const Value& offset, bool is_start, uint32_t row, uint32_t begin, uint32_t end) {
    const uint32_t group = rows_.group_of[row];
    switch (kind) {
      case WindowBoundKind::kUnboundedPreceding:
        return begin;
      case WindowBoundKind::kUnboundedFollowing:
        return end;
      case WindowBoundKind::kCurrentRow:
        if (function_.frame_mode == WindowFrameMode::kRows) return is_start ? row : row + 1;
        return is_start ? rows_.group_starts[group] : rows_.group_starts[group + 1];
      case WindowBoundKind::kPreceding:
      case WindowBoundKind::kFollowing:
        break;
    }
    const bool preceding = kind == WindowBoundKind::kPreceding;
    if (function_.frame_mode == WindowFrameMode::kRows) {
      const int64_t distance = offset.GetInt64();
      int64_t target = preceding ? int64_t{row} - distance : int64_t{row} + distance;
      if (!is_start) ++target;
      return static_cast<uint32_t>(std::clamp<int64_t>(target, begin, end));
    }
    if (function_.frame_mode == WindowFrameMode::kGroups) {
      const int64_t distance = offset.GetInt64();
      const int64_t first_group = rows_.group_of[begin], last_group = rows_.group_of[end - 1];
      const int64_t target = preceding ? int64_t{group} - distance : int64_t{group} + distance;
      if (is_start) {
        if (target > last_group) return end;
        return rows_.group_starts[std::max(target, first_group)];
      }
      if (target < first_group) return begin;
      return rows_.group_starts[std::min(target, last_group) + 1];
    }
    // RANGE: a row whose value is NULL has its NULL peers as the frame.
    if (nulls_[row]) return is_start ? rows_.group_starts[group] : rows_.group_starts[group + 1];
    // Rows before the bound's value come first in sort order: smaller values when
    // ascending, larger ones when descending. "offset PRECEDING" moves towards them.
    const bool towards_smaller = preceding != descending_;
    if (is_float_) {
      const double distance = offset.type().id() == TypeId::kReal || offset.type().id() == TypeId::kDouble
                                  ? offset.GetDouble()
                                  : static_cast<double>(offset.GetInt64());
      const double value = float_keys_[row];
      const double target = towards_smaller ? value - distance : value + distance;
      return Search(float_keys_, target, is_start);
    }
    const int128_t value = int_keys_[row];
    int128_t target;
    if (is_temporal_) {
      const Interval interval = offset.GetInterval();
      const int64_t micros = static_cast<int64_t>(value);
      target = towards_smaller ? SubtractIntervalFromTimestamp(micros, interval) : AddIntervalToTimestamp(micros, interval);
    } else {
      const int128_t distance = offset.type().id() == TypeId::kDecimal ? offset.GetDecimal() : int128_t{offset.GetInt64()};
      target = towards_smaller ? value - distance : value + distance;
    }
    return Search(int_keys_, target, is_start);
  }

  // First row of the partition's non-NULL rows at or after `target` in sort order
  // (frame start), or strictly after it (frame end).
  template <class T>
  uint32_t Search(const std::vector<T>& keys, T target, bool is_start) const {
    auto first = keys.begin() + non_null_begin_, last = keys.begin() + non_null_end_;
    auto before = [this](const T& a, const T& b) { return descending_ ? a > b : a < b; };
    auto it = is_start ? std::lower_bound(first, last, target, before) : std::upper_bound(first, last, target, before);
    return static_cast<uint32_t>(it - keys.begin());
  }

  const WindowFunctionSpec& function_;
  const SortedRows& rows_;
  bool descending_ = false;
  bool is_float_ = false;
  bool is_temporal_ = false;
  std::vector<bool> nulls_;  // empty unless RANGE with an offset
  std::vector<int128_t> int_keys_;
  std::vector<double> float_keys_;
  uint32_t cached_partition_ = UINT32_MAX;
  uint32_t non_null_begin_ = 0;
  uint32_t non_null_end_ = 0;
};

// ---- ranking and offset functions ----

void EvaluateRanking(const WindowFunctionSpec& function, SortedRows& rows, uint32_t column) {
  for (size_t p = 0; p + 1 < rows.partition_starts.size(); ++p) {
    const uint32_t begin = rows.partition_starts[p], end = rows.partition_starts[p + 1];
    const uint32_t size = end - begin;
    const uint32_t first_group = rows.group_of[begin];
    // ntile: the argument is read once per partition, on its first row.
    int64_t buckets = 0;
    bool null_buckets = false;
    if (function.kind == WindowFunctionKind::kNtile) {
      null_buckets = IsNullAt(rows, begin, function.argument_columns[0]);
      if (!null_buckets) {
        buckets = IntegerAt(rows, begin, function.argument_columns[0]);
        if (buckets <= 0) {
          throw Error(sqlstate::kInvalidArgumentForNtile, "argument of ntile must be greater than zero");
        }
      }
    }
    for (uint32_t row = begin; row < end; ++row) {
      const uint32_t group = rows.group_of[row];
      const uint32_t peers_begin = rows.group_starts[group], peers_end = rows.group_starts[group + 1];
      switch (function.kind) {
        case WindowFunctionKind::kRowNumber:
          WriteResult<int64_t>(rows, row, column, row - begin + 1);
          break;
        case WindowFunctionKind::kRank:
          WriteResult<int64_t>(rows, row, column, peers_begin - begin + 1);
          break;
        case WindowFunctionKind::kDenseRank:
          WriteResult<int64_t>(rows, row, column, group - first_group + 1);
          break;
        case WindowFunctionKind::kPercentRank:
          WriteResult<double>(rows, row, column, size <= 1 ? 0.0 : double(peers_begin - begin) / double(size - 1));
          break;
        case WindowFunctionKind::kCumeDist:
          WriteResult<double>(rows, row, column, double(peers_end - begin) / double(size));
          break;
        case WindowFunctionKind::kNtile: {
          if (null_buckets) {
            SetNullResult(rows, row, column);
            break;
          }
          // PostgreSQL: the first size % buckets buckets get one row more.
          const int64_t position = row - begin;
          const int64_t per_bucket = size / buckets, extra = size % buckets;
          const int64_t big_rows = extra * (per_bucket + 1);
          const int64_t bucket = position < big_rows ? position / (per_bucket + 1) + 1
                                                     : extra + (position - big_rows) / per_bucket + 1;
          WriteResult<int32_t>(rows, row, column, static_cast<int32_t>(bucket));
          break;
        }
        default:
          break;
      }
    }
  }
}

void EvaluateLagLead(const WindowFunctionSpec& function, SortedRows& rows, uint32_t column) {
  const bool lag = function.kind == WindowFunctionKind::kLag;
  const auto& args = function.argument_columns;
  for (size_t p = 0; p + 1 < rows.partition_starts.size(); ++p) {
    const uint32_t begin = rows.partition_starts[p], end = rows.partition_starts[p + 1];
    for (uint32_t row = begin; row < end; ++row) {
      int64_t offset = 1;
      if (args.size() >= 2) {
        if (IsNullAt(rows, row, args[1])) {
          SetNullResult(rows, row, column);
          continue;
        }
        offset = IntegerAt(rows, row, args[1]);
      }
      const int64_t target = lag ? int64_t{row} - offset : int64_t{row} + offset;
      if (target >= begin && target < end) {
        CopyValue(rows, static_cast<uint32_t>(target), args[0], row, column);
      } else if (args.size() == 3) {
        CopyValue(rows, row, args[2], row, column);
      } else {
        SetNullResult(rows, row, column);
      }
    }
  }
}

void EvaluateFrameValue(const WindowFunctionSpec& function, const WindowPartitionSpec& partition, SortedRows& rows,
                        uint32_t column) {
  FrameFinder finder(function, partition, rows);
  for (size_t p = 0; p + 1 < rows.partition_starts.size(); ++p) {
    const uint32_t begin = rows.partition_starts[p], end = rows.partition_starts[p + 1];
    for (uint32_t row = begin; row < end; ++row) {
      int64_t wanted = 1;  // 1-based position in the frame; 0 = the last row
      if (function.kind == WindowFunctionKind::kLastValue) wanted = 0;
      if (function.kind == WindowFunctionKind::kNthValue) {
        if (IsNullAt(rows, row, function.argument_columns[1])) {
          SetNullResult(rows, row, column);
          continue;
        }
        wanted = IntegerAt(rows, row, function.argument_columns[1]);
        if (wanted <= 0) {
          throw Error(sqlstate::kInvalidArgumentForNthValue, "argument of nth_value must be greater than zero");
        }
      }
      const Frame frame = finder.Exclude(row, finder.Bounds(row, begin, end));
      int64_t source = -1;
      if (frame.count > 0 && wanted == 0) {
        source = frame.ranges[frame.count - 1].end - 1;
      } else {
        for (int r = 0; r < frame.count && source < 0; ++r) {
          const uint32_t size = frame.ranges[r].end - frame.ranges[r].begin;
          if (wanted <= size) {
            source = frame.ranges[r].begin + wanted - 1;
          } else {
            wanted -= size;
          }
        }
      }
      if (source < 0) {
        SetNullResult(rows, row, column);
      } else {
        CopyValue(rows, static_cast<uint32_t>(source), function.argument_columns[0], row, column);
      }
    }
  }
}

// ---- aggregates over frames ----

class AggregateEvaluator {
 public:
  AggregateEvaluator(const WindowFunctionSpec& function, const WindowPartitionSpec& partition, SortedRows& rows,
                     uint32_t column)
      : function_(function),
        aggregate_(*function.aggregate),
        data_(function.data.get()),
        rows_(rows),
        column_(column),
        finder_(function, partition, rows),
        trash_(aggregate_, 1),
        results_(aggregate_, kBatchSize) {
    for (uint32_t arg : function.argument_columns) {
      scratch_.emplace_back(rows.chunks[0].columns[arg].type());
    }
    for (size_t i = 0; i < function.argument_columns.size(); ++i) scratch_args_.push_back(&scratch_[i]);
    state_pointers_.resize(kBatchSize);
    result_pointers_.resize(kBatchSize);
    for (uint32_t i = 0; i < kBatchSize; ++i) result_pointers_[i] = results_.at(i);
  }

  void Run() {
    const bool running = function_.start == WindowBoundKind::kUnboundedPreceding &&
                         function_.exclude == WindowExclude::kNoOthers;
    for (size_t p = 0; p + 1 < rows_.partition_starts.size(); ++p) {
      const uint32_t begin = rows_.partition_starts[p], end = rows_.partition_starts[p + 1];
      if (running) {
        RunningPartition(begin, end);
      } else {
        TreePartition(begin, end);
      }
    }
  }

 private:
  // Folds the rows [begin, end) into the states leaves[0 .. end-begin).
  void ComputeLeaves(uint32_t begin, uint32_t end, const std::function<uint8_t*(uint32_t)>& leaf) {
    for (uint32_t row = begin; row < end;) {
      const uint32_t chunk = row / kBatchSize;
      const uint32_t first = row % kBatchSize;
      const uint32_t count = std::min(end - row, kBatchSize - first);
      selection_.resize(count);
      for (uint32_t i = 0; i < count; ++i) selection_[i] = first + i;
      const Batch& batch = rows_.chunks[chunk];
      for (size_t a = 0; a < function_.argument_columns.size(); ++a) {
        CopyRows(batch.columns[function_.argument_columns[a]], selection_.data(), count, scratch_[a], 0);
      }
      for (uint32_t i = 0; i < count; ++i) state_pointers_[i] = leaf(row + i - begin);
      if (function_.filter_column >= 0) {
        const Vector& filter = batch.columns[function_.filter_column];
        for (uint32_t i = 0; i < count; ++i) {
          const uint32_t index = filter.is_constant() ? 0 : first + i;
          if (!filter.IsValid(index) || !filter.data<bool>()[index]) state_pointers_[i] = trash_.at(0);
        }
      }
      aggregate_.update(scratch_args_, state_pointers_.data(), count, data_);
      row += count;
    }
  }

  // Adds `state` as the result of row `row`; finalizes a chunk when it is complete.
  void SetResult(uint32_t row, const uint8_t* state) {
    aggregate_.combine(state, results_.at(row % kBatchSize), data_);
    const bool chunk_done = (row + 1) % kBatchSize == 0 || row + 1 == rows_.num_rows;
    if (!chunk_done) return;
    Batch& chunk = rows_.chunks[row / kBatchSize];
    aggregate_.finalize(result_pointers_.data(), chunk.size, chunk.columns[column_], data_);
    results_.Reset();
  }

  // Frames that only grow: one running state, extended as frame ends advance.
  void RunningPartition(uint32_t begin, uint32_t end) {
    AggregateStates running(aggregate_, 1);
    AggregateStates leaves(aggregate_, std::min(kBatchSize, end - begin));
    uint32_t leaves_begin = begin, leaves_end = begin;
    uint32_t added = begin;
    for (uint32_t row = begin; row < end; ++row) {
      const uint32_t frame_end = finder_.Bounds(row, begin, end).end;
      while (added < frame_end) {
        if (added >= leaves_end) {
          leaves.Reset();
          leaves_begin = added;
          leaves_end = std::min(end, added + kBatchSize);
          ComputeLeaves(leaves_begin, leaves_end, [&leaves](uint32_t i) { return leaves.at(i); });
        }
        const uint32_t stop = std::min(frame_end, leaves_end);
        for (; added < stop; ++added) aggregate_.combine(leaves.at(added - leaves_begin), running.at(0), data_);
      }
      SetResult(row, running.at(0));
    }
  }

  void TreePartition(uint32_t begin, uint32_t end) {
    WindowSegmentTree tree(aggregate_, data_, end - begin);
    ComputeLeaves(begin, end, [&tree](uint32_t i) { return tree.Leaf(i); });
    tree.Build();
    AggregateStates frame_state(aggregate_, 1);
    for (uint32_t row = begin; row < end; ++row) {
      const Frame frame = finder_.Exclude(row, finder_.Bounds(row, begin, end));
      frame_state.Reset();
      for (int r = 0; r < frame.count; ++r) {
        tree.Query(frame.ranges[r].begin - begin, frame.ranges[r].end - begin, frame_state.at(0));
      }
      SetResult(row, frame_state.at(0));
    }
  }

  const WindowFunctionSpec& function_;
  const AggregateFunction& aggregate_;
  const FunctionData* data_;
  SortedRows& rows_;
  uint32_t column_;
  FrameFinder finder_;
  AggregateStates trash_;    // where rows that FILTER rejects are folded
  AggregateStates results_;  // one per row of the chunk being computed
  std::vector<Vector> scratch_;
  std::vector<const Vector*> scratch_args_;
  std::vector<uint32_t> selection_;
  std::vector<uint8_t*> state_pointers_;
  std::vector<uint8_t*> result_pointers_;
};

}  // namespace

void EvaluateWindowFunction(const WindowFunctionSpec& function, const WindowPartitionSpec& partition,
                            SortedRows& rows, uint32_t result_column) {
  if (rows.num_rows == 0) return;
  switch (function.kind) {
    case WindowFunctionKind::kAggregate:
      AggregateEvaluator(function, partition, rows, result_column).Run();
      break;
    case WindowFunctionKind::kRowNumber:
    case WindowFunctionKind::kRank:
    case WindowFunctionKind::kDenseRank:
    case WindowFunctionKind::kPercentRank:
    case WindowFunctionKind::kCumeDist:
    case WindowFunctionKind::kNtile:
      EvaluateRanking(function, rows, result_column);
      break;
    case WindowFunctionKind::kLag:
    case WindowFunctionKind::kLead:
      EvaluateLagLead(function, rows, result_column);
      break;
    case WindowFunctionKind::kFirstValue:
    case WindowFunctionKind::kLastValue:
    case WindowFunctionKind::kNthValue:
      EvaluateFrameValue(function, partition, rows, result_column);
      break;
  }
}

}  // namespace basin
