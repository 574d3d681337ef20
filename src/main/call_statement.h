// src/main/call_statement.h
#pragma once

#include "main/database.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast_statement.h"

namespace basin {

// Runs CALL procedure(args). The procedures:
//   tpch_generate(sf)  creates the eight TPC-H tables and fills them with generated
//                      data of scale factor sf (src/tpch/)
//   tpch_load('DIR')   creates them and loads DIR/<table>.tbl (dbgen's files)
// Both fail with 42P07 if one of the tables exists. Arguments are constant
// expressions. Unknown procedures raise 42883. Returns the tag "CALL".
QueryResult ExecuteCall(Connection& connection, BindContext& bind_context,
                        const ast::CallStatement& call);

}  // namespace basin
