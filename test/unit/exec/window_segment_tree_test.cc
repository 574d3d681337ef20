#include "exec/operators/window_segment_tree.h"

#include <gtest/gtest.h>

#include "common/batch.h"
#include "function/function_registry.h"

namespace basin {
namespace {

// sum(bigint) over every range of 0..199 agrees with the arithmetic series.
TEST(WindowSegmentTreeTest, QueriesEveryRange) {
  std::shared_ptr<const AggregateFunction> sum;
  for (const auto& candidate : *FunctionRegistry::BuiltIn().FindAggregate("sum")) {
    if (candidate->arguments[0].id() == TypeId::kBigInt) sum = candidate;
  }
  ASSERT_NE(sum, nullptr);
  std::vector<LogicalType> types{TypeId::kBigInt};
  LogicalType result_type = sum->return_type;
  auto data = sum->bind ? sum->bind(types, result_type) : nullptr;
  constexpr uint32_t kRows = 200;
  Vector values(TypeId::kBigInt);
  for (uint32_t i = 0; i < kRows; ++i) values.data<int64_t>()[i] = i;
  WindowSegmentTree tree(*sum, data.get(), kRows);
  std::vector<uint8_t*> leaves;
  for (uint32_t i = 0; i < kRows; ++i) leaves.push_back(tree.Leaf(i));
  sum->update({&values}, leaves.data(), kRows, data.get());
  tree.Build();
  for (uint32_t begin = 0; begin <= kRows; begin += 7) {
    for (uint32_t end = begin; end <= kRows; end += 3) {
      AggregateStates result(*sum, 1);
      tree.Query(begin, end, result.at(0));
      uint8_t* state = result.at(0);
      Vector out(result_type);
      sum->finalize(&state, 1, out, data.get());
      const int64_t expected = (int64_t{end} * (end - 1) - int64_t{begin} * (int64_t{begin} - 1)) / 2;
      if (begin == end) {
        EXPECT_FALSE(out.IsValid(0)) << begin;
      } else {
        EXPECT_EQ(out.data<int64_t>()[0], expected) << begin << ".." << end;
      }
    }
  }
}

}  // namespace
}  // namespace basin
