// test/unit/tpch/tpch_generator_test.cc
#include "tpch/tpch_generator.h"

#include <gtest/gtest.h>

#include <set>

#include "common/thread_pool.h"
#include "tpch/tpch_parallel.h"
#include "tpch/tpch_text.h"

namespace basin::tpch {
namespace {

TEST(TpchGeneratorTest, OrderKeysAreSparse) {
  EXPECT_EQ(TpchOrderKey(1), 1);
  EXPECT_EQ(TpchOrderKey(7), 7);
  EXPECT_EQ(TpchOrderKey(8), 32);
  EXPECT_EQ(TpchOrderKey(9), 33);
  EXPECT_EQ(TpchOrderKey(1'500'000), 6'000'000);  // SF1's largest o_orderkey
}

TEST(TpchGeneratorTest, PartSuppliersAreDistinctAndInRange) {
  const int64_t suppliers = 100;
  for (int64_t part = 1; part <= 2000; ++part) {
    std::set<int64_t> seen;
    for (int i = 0; i < 4; ++i) {
      const int64_t supplier = TpchPartSupplier(part, i, suppliers);
      ASSERT_GE(supplier, 1);
      ASSERT_LE(supplier, suppliers);
      seen.insert(supplier);
    }
    ASSERT_EQ(seen.size(), 4u) << "part " << part;
  }
}

TEST(TpchGeneratorTest, RetailPriceFollowsTheSpecification) {
  EXPECT_EQ(TpchRetailPriceCents(1), 90100);
  EXPECT_EQ(TpchRetailPriceCents(200000), 90000 + 20000);
}

TEST(TpchGeneratorTest, CardinalitiesScale) {
  const TpchGenerator generator(1);
  EXPECT_EQ(generator.NumRows(TpchTable::kSupplier), 10'000u);
  EXPECT_EQ(generator.NumRows(TpchTable::kPart), 200'000u);
  EXPECT_EQ(generator.NumRows(TpchTable::kPartSupp), 800'000u);
  EXPECT_EQ(generator.NumRows(TpchTable::kCustomer), 150'000u);
  EXPECT_EQ(generator.NumRows(TpchTable::kOrders), 1'500'000u);
  EXPECT_EQ(generator.NumRows(TpchTable::kNation), 25u);
  EXPECT_EQ(generator.NumRows(TpchTable::kRegion), 5u);
}

TEST(TpchGeneratorTest, TextPoolHoldsGrammarWords) {
  const std::string_view pool = TextPool::Get().bytes();
  EXPECT_GT(pool.size(), 1u << 20);
  EXPECT_NE(pool.find("special"), std::string_view::npos);
  EXPECT_NE(pool.find("requests"), std::string_view::npos);
  RowRandom random(1, 2);
  for (int i = 0; i < 1000; ++i) {
    const std::string_view text = TextPool::Get().Text(random, 10, 43);
    ASSERT_GE(text.size(), 10u);
    ASSERT_LE(text.size(), 43u);
  }
}

// Same data for any thread count: every row seeds its own random stream.
TEST(TpchGeneratorTest, OutputDoesNotDependOnThreads) {
  const TpchGenerator generator(0.005);
  ThreadPool pool(3);
  const TpchTables one = GenerateTpchTables(generator, pool, 1);
  const TpchTables three = GenerateTpchTables(generator, pool, 3);
  for (const TpchTable table : kAllTpchTables) {
    const auto& a = one[static_cast<size_t>(table)];
    const auto& b = three[static_cast<size_t>(table)];
    std::string text_a;
    std::string text_b;
    for (const auto& batch : a) AppendTblRows(batch, text_a);
    for (const auto& batch : b) AppendTblRows(batch, text_b);
    EXPECT_FALSE(text_a.empty()) << TpchTableName(table);
    EXPECT_EQ(text_a, text_b) << TpchTableName(table);
  }
}

TEST(TpchGeneratorTest, OrdersCarryTheirLines) {
  const TpchGenerator generator(0.01);
  Batch orders;
  std::vector<Batch> lines;
  generator.Generate(TpchTable::kOrders, 0, orders, &lines);
  ASSERT_EQ(orders.size, kBatchSize);
  uint64_t num_lines = 0;
  for (const auto& batch : lines) {
    for (uint32_t row = 0; row < batch.size; ++row) {
      const int64_t line_number = batch.columns[3].data<int64_t>()[row];
      ASSERT_GE(line_number, 1);
      ASSERT_LE(line_number, 7);
    }
    num_lines += batch.size;
  }
  EXPECT_GT(num_lines, 3u * kBatchSize);
  EXPECT_LT(num_lines, 5u * kBatchSize);
  // Lines come in order-key order.
  EXPECT_EQ(lines.front().columns[0].data<int64_t>()[0], 1);
}

}  // namespace
}  // namespace basin::tpch
