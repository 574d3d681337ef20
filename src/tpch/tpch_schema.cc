#include "tpch/tpch_schema.h"

#include "catalog/catalog.h"
#include "common/error.h"

namespace basin::tpch {

namespace {

ColumnDefinition Column(const char* name, LogicalType type) {
  ColumnDefinition column;
  column.name = name;
  column.type = type;
  column.not_null = true;
  return column;
}

const LogicalType kMoney = LogicalType::Decimal(15, 2);

}  // namespace

const char* TpchTableName(TpchTable table) {
  switch (table) {
    case TpchTable::kRegion: return "region";
    case TpchTable::kNation: return "nation";
    case TpchTable::kSupplier: return "supplier";
    case TpchTable::kCustomer: return "customer";
    case TpchTable::kPart: return "part";
    case TpchTable::kPartSupp: return "partsupp";
    case TpchTable::kOrders: return "orders";
    case TpchTable::kLineitem: return "lineitem";
  }
  return "";
}

std::vector<ColumnDefinition> TpchColumns(TpchTable table) {
  constexpr TypeId kInt = TypeId::kInteger;
  constexpr TypeId kBig = TypeId::kBigInt;
  constexpr TypeId kText = TypeId::kVarchar;
  constexpr TypeId kDate = TypeId::kDate;
  switch (table) {
    case TpchTable::kRegion:
      return {Column("r_regionkey", kInt), Column("r_name", kText), Column("r_comment", kText)};
    case TpchTable::kNation:
      return {Column("n_nationkey", kInt), Column("n_name", kText), Column("n_regionkey", kInt),
              Column("n_comment", kText)};
    case TpchTable::kSupplier:
      return {Column("s_suppkey", kBig),   Column("s_name", kText),  Column("s_address", kText),
              Column("s_nationkey", kInt), Column("s_phone", kText), Column("s_acctbal", kMoney),
              Column("s_comment", kText)};
    case TpchTable::kCustomer:
      return {Column("c_custkey", kBig),    Column("c_name", kText),
              Column("c_address", kText),   Column("c_nationkey", kInt),
              Column("c_phone", kText),     Column("c_acctbal", kMoney),
              Column("c_mktsegment", kText), Column("c_comment", kText)};
    case TpchTable::kPart:
      return {Column("p_partkey", kBig),   Column("p_name", kText),      Column("p_mfgr", kText),
              Column("p_brand", kText),    Column("p_type", kText),      Column("p_size", kInt),
              Column("p_container", kText), Column("p_retailprice", kMoney),
              Column("p_comment", kText)};
    case TpchTable::kPartSupp:
      return {Column("ps_partkey", kBig), Column("ps_suppkey", kBig), Column("ps_availqty", kBig),
              Column("ps_supplycost", kMoney), Column("ps_comment", kText)};
    case TpchTable::kOrders:
      return {Column("o_orderkey", kBig),     Column("o_custkey", kBig),
              Column("o_orderstatus", kText), Column("o_totalprice", kMoney),
              Column("o_orderdate", kDate),   Column("o_orderpriority", kText),
              Column("o_clerk", kText),       Column("o_shippriority", kInt),
              Column("o_comment", kText)};
    case TpchTable::kLineitem:
      return {Column("l_orderkey", kBig),      Column("l_partkey", kBig),
              Column("l_suppkey", kBig),       Column("l_linenumber", kBig),
              Column("l_quantity", kMoney),    Column("l_extendedprice", kMoney),
              Column("l_discount", kMoney),    Column("l_tax", kMoney),
              Column("l_returnflag", kText),   Column("l_linestatus", kText),
              Column("l_shipdate", kDate),     Column("l_commitdate", kDate),
              Column("l_receiptdate", kDate),  Column("l_shipinstruct", kText),
              Column("l_shipmode", kText),     Column("l_comment", kText)};
  }
  return {};
}

std::vector<LogicalType> TpchTypes(TpchTable table) {
  std::vector<LogicalType> types;
  for (const auto& column : TpchColumns(table)) types.push_back(column.type);
  return types;
}

void CheckNoTpchTables(const Catalog& catalog) {
  for (const TpchTable table : kAllTpchTables) {
    const char* name = TpchTableName(table);
    if (catalog.FindTable(Catalog::kDefaultSchema, name) ||
        catalog.FindView(Catalog::kDefaultSchema, name)) {
      throw Error(sqlstate::kDuplicateTable, std::string("relation \"") + name + "\" already exists");
    }
  }
}

}  // namespace basin::tpch
