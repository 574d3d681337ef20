// src/cli/cli_options.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_format.h"

namespace basin::cli {

inline constexpr std::string_view kBasinVersion = "0.1.0";

// One -c or -f, run in the order given on the command line.
struct ScriptAction {
  enum class Kind { kCommand, kFile };
  Kind kind = Kind::kCommand;
  std::string text;  // the SQL (or backslash command) for -c, the path for -f
};

struct CliOptions {
  std::vector<ScriptAction> actions;
  OutputFormat format = OutputFormat::kTable;
  bool timing = false;
  uint32_t threads = 0;  // 0: one per core
  bool show_help = false;
  bool show_version = false;
  // A warehouse directory; unset means an in-memory database.
  std::optional<std::string> database_path;
};

// The options, or why the command line is wrong (`error` non-empty).
struct ParsedArguments {
  CliOptions options;
  std::string error;
};

// Parses argv[1..]. Accepts "--name value" and "--name=value" for long options,
// and "--" to end options.
ParsedArguments ParseArguments(const std::vector<std::string>& args);

std::string HelpText();

}  // namespace basin::cli
