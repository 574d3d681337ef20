// src/format/csv/csv_column_spec.h
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/types.h"

namespace basin {

// Parses a type name as PostgreSQL spells it: integer/int/int4, bigint/int8,
// smallint/int2, real/float4, double precision/float8/float/double, numeric/decimal
// [(p[,s])], varchar/text/char/string [(n)], boolean/bool, date, time, timestamp,
// timestamptz/timestamp with time zone, interval. Case-insensitive. Throws Error
// (42704 undefined object) for anything else.
LogicalType ParseCsvTypeName(std::string_view text);

// read_csv's columns option. Until Basin has STRUCT values it is text:
// 'id INTEGER, name VARCHAR, price DECIMAL(15,2)'. Names may be double-quoted.
// Throws Error (22023) when malformed.
void ParseCsvColumnSpec(std::string_view text, std::vector<std::string>& names,
                        std::vector<LogicalType>& types);

}  // namespace basin
