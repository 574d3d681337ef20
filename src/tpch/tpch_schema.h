// src/tpch/tpch_schema.h
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "catalog/table.h"

namespace basin {
class Catalog;
}

namespace basin::tpch {

// The eight TPC-H tables, in the order they are created and listed.
enum class TpchTable : uint8_t {
  kRegion,
  kNation,
  kSupplier,
  kCustomer,
  kPart,
  kPartSupp,
  kOrders,
  kLineitem,
};
inline constexpr int kNumTpchTables = 8;
inline constexpr std::array<TpchTable, kNumTpchTables> kAllTpchTables = {
    TpchTable::kRegion, TpchTable::kNation,   TpchTable::kSupplier, TpchTable::kCustomer,
    TpchTable::kPart,   TpchTable::kPartSupp, TpchTable::kOrders,   TpchTable::kLineitem};

// "lineitem", "partsupp", ...: the table name and the .tbl file's base name.
const char* TpchTableName(TpchTable table);

// The columns with the types DuckDB's tpch extension uses (keys BIGINT or INTEGER,
// money DECIMAL(15,2), dates DATE, text VARCHAR), all NOT NULL.
std::vector<ColumnDefinition> TpchColumns(TpchTable table);
std::vector<LogicalType> TpchTypes(TpchTable table);

// Throws 42P07 naming the first of the eight tables that already exists in the
// default schema (a TPC-H load never replaces tables).
void CheckNoTpchTables(const Catalog& catalog);

}  // namespace basin::tpch
