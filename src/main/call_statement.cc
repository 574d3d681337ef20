#include "main/call_statement.h"

#include <algorithm>

#include "catalog/catalog.h"
#include "common/error.h"
#include "main/session_state.h"
#include "tpch/tpch_loader.h"
#include "tpch/tpch_parallel.h"

namespace basin {

namespace {

constexpr SqlState kUndefinedProcedure{{'4', '2', '8', '8', '3'}};

std::string Describe(const std::string& name, const std::vector<Value>& args) {
  std::string text = name + "(";
  for (size_t i = 0; i < args.size(); ++i) {
    text += (i ? ", " : "") + (args[i].is_null() ? std::string("unknown") : args[i].type().ToString());
  }
  return text + ")";
}

// Creates the eight tables and appends their rows; all tables exist afterwards or
// none of the ones this call made (a failure drops what was created).
void CreateTpchTables(Catalog& catalog, tpch::TpchTables& tables) {
  tpch::CheckNoTpchTables(catalog);
  for (const tpch::TpchTable table : tpch::kAllTpchTables) {
    auto created = catalog.CreateTable(Catalog::kDefaultSchema, tpch::TpchTableName(table),
                                       tpch::TpchColumns(table), /*if_not_exists=*/false);
    // Replace adopts the batches as chunks: no copy of the (new, empty) table.
    Table::Snapshot chunks;
    for (auto& batch : tables[static_cast<size_t>(table)]) {
      if (batch.size > 0) chunks.push_back(std::make_shared<const Batch>(std::move(batch)));
    }
    tables[static_cast<size_t>(table)].clear();
    created->Replace(std::move(chunks));
  }
}

uint32_t Threads(Connection& connection) {
  return std::max<uint32_t>(1, std::min(connection.session().settings.threads(),
                                        connection.database().pool().size()));
}

QueryResult CallTag() {
  QueryResult result;
  result.tag = "CALL";
  return result;
}

}  // namespace

QueryResult ExecuteCall(Connection& connection, BindContext& bind_context,
                        const ast::CallStatement& call) {
  const ast::FunctionCall& function = *call.call;
  std::string name = function.name.back();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<Value> args;
  for (const auto& arg : function.args) {
    Binder binder(bind_context);
    args.push_back(Binder::EvaluateConstant(*binder.BindConstantExpression(*arg, "CALL arguments")));
  }
  Catalog& catalog = bind_context.catalog;
  const bool one_argument = args.size() == 1 && !args[0].is_null();
  if (name == "tpch_generate" && one_argument && args[0].type().IsNumeric()) {
    const double scale_factor = args[0].CastTo(TypeId::kDouble).GetDouble();
    if (!(scale_factor > 0) || scale_factor > 100'000) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "tpch_generate: scale factor must be positive, got " + args[0].ToString(),
                  call.span);
    }
    tpch::CheckNoTpchTables(catalog);
    tpch::TpchTables tables = tpch::GenerateTpchTables(
        tpch::TpchGenerator(scale_factor), connection.database().pool(), Threads(connection));
    CreateTpchTables(catalog, tables);
    return CallTag();
  }
  if (name == "tpch_load" && one_argument && args[0].type().id() == TypeId::kVarchar) {
    tpch::CheckNoTpchTables(catalog);
    tpch::TpchTables tables = tpch::LoadTpchTblFiles(args[0].GetString(),
                                                     connection.database().pool(), Threads(connection));
    CreateTpchTables(catalog, tables);
    return CallTag();
  }
  throw Error(kUndefinedProcedure, "procedure " + Describe(name, args) + " does not exist",
              call.span);
}

}  // namespace basin
