#include "exec/operators/unnest.h"

#include <algorithm>

#include "exec/expression_evaluator.h"

namespace basin {

namespace {

// Where the node stands within one input batch, which may take several calls.
struct UnnestState : LocalState {
  ExpressionEvaluator evaluator;
  std::vector<Vector> lists;  // the list expressions over the current input
  bool in_progress = false;
  uint32_t row = 0;      // input row being expanded
  uint32_t element = 0;  // next element of that row
};

uint32_t RowLength(const std::vector<Vector>& lists, uint32_t row) {
  uint32_t length = 0;
  for (const Vector& list : lists) {
    const uint32_t index = list.is_constant() ? 0 : row;
    if (list.validity().IsValid(index)) length = std::max(length, list.data<ListEntry>()[index].length);
  }
  return length;
}

}  // namespace

UnnestNode::UnnestNode(std::vector<LogicalType> types, std::vector<ExprPtr> lists)
    : PhysicalNode("UNNEST", std::move(types)), lists_(std::move(lists)) {}

std::unique_ptr<LocalState> UnnestNode::InitOperatorLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<UnnestState>();
}

OperatorResult UnnestNode::Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                                   LocalState* local) const {
  auto& state = static_cast<UnnestState&>(*local);
  if (!state.in_progress) {
    state.lists.resize(lists_.size());
    for (size_t i = 0; i < lists_.size(); ++i) state.evaluator.Evaluate(*lists_[i], in, state.lists[i]);
    state.in_progress = true;
    state.row = 0;
    state.element = 0;
  }
  // Pick the (row, element) pairs of this output batch.
  std::vector<uint32_t> rows;
  std::vector<uint32_t> elements;
  rows.reserve(kBatchSize);
  elements.reserve(kBatchSize);
  while (state.row < in.size && rows.size() < kBatchSize) {
    const uint32_t length = RowLength(state.lists, state.row);
    while (state.element < length && rows.size() < kBatchSize) {
      rows.push_back(state.row);
      elements.push_back(state.element++);
    }
    if (state.element >= length) {
      ++state.row;
      state.element = 0;
    }
  }
  const uint32_t count = static_cast<uint32_t>(rows.size());
  const size_t input_columns = in.columns.size();
  for (size_t c = 0; c < input_columns; ++c) {
    out.columns[c].Reset();
    CopyRows(in.columns[c], rows.data(), count, out.columns[c], 0);
  }
  std::vector<uint32_t> element_rows;
  std::vector<uint32_t> padded;  // output rows past the end of this list
  for (size_t l = 0; l < state.lists.size(); ++l) {
    const Vector& list = state.lists[l];
    Vector& column = out.columns[input_columns + l];
    column.Reset();
    element_rows.clear();
    padded.clear();
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t index = list.is_constant() ? 0 : rows[i];
      const ListEntry entry = list.validity().IsValid(index) ? list.data<ListEntry>()[index] : ListEntry{};
      if (elements[i] < entry.length) {
        element_rows.push_back(entry.offset + elements[i]);
      } else {
        element_rows.push_back(UINT32_MAX);
        padded.push_back(i);
      }
    }
    if (padded.empty()) {
      CopyRows(list.child(), element_rows.data(), count, column, 0);
      continue;
    }
    // Copy the real elements one run at a time, then mark the padding NULL.
    for (uint32_t i = 0; i < count;) {
      uint32_t end = i;
      while (end < count && element_rows[end] != UINT32_MAX) ++end;
      if (end > i) CopyRows(list.child(), element_rows.data() + i, end - i, column, i);
      i = std::max(end, i + 1);
    }
    for (uint32_t row : padded) column.SetNull(row);
  }
  out.size = count;
  if (state.row < in.size) return OperatorResult::kHaveMoreOutput;
  state.in_progress = false;
  return OperatorResult::kNeedInput;
}

std::string UnnestNode::Details() const {
  std::string details;
  for (size_t i = 0; i < lists_.size(); ++i) {
    if (i > 0) details += ", ";
    details += "unnest(" + lists_[i]->ToString() + ")";
  }
  return details;
}

}  // namespace basin
