// src/cli/tpch_command.h
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace basin::cli {

// `basin tpch generate --sf N --out DIR [--threads N]`: writes the eight TPC-H .tbl
// files (dbgen's format) made by src/tpch's generator. `args` follows "tpch".
// Returns the exit status; reports progress on `out` and problems on `err`.
int RunTpchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string TpchHelpText();

}  // namespace basin::cli
