// src/cli/cli_options.cc
#include "cli/cli_options.h"

#include <charconv>

namespace basin::cli {
namespace {

std::optional<uint32_t> ParseThreadCount(std::string_view text) {
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Far more threads than any machine has is a typo, not a wish.
  if (error != std::errc() || end != text.data() + text.size() || value > 4096) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

ParsedArguments ParseArguments(const std::vector<std::string>& args) {
  ParsedArguments parsed;
  CliOptions& options = parsed.options;
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.empty() || arg[0] != '-' || arg == "-") {
      if (options.database_path) {
        parsed.error = "too many arguments: \"" + arg + "\"";
        return parsed;
      }
      options.database_path = arg;
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    // Splits "--name=value"; short options always take their value separately.
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const size_t equals = arg.find('='); arg.starts_with("--") && equals != std::string::npos) {
      name = arg.substr(0, equals);
      inline_value = arg.substr(equals + 1);
    }
    auto take_value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    auto flag = [&](bool& target) {
      if (inline_value) {
        parsed.error = "option " + name + " takes no value";
        return false;
      }
      target = true;
      return true;
    };
    if (name == "-h" || name == "--help") {
      if (!flag(options.show_help)) return parsed;
    } else if (name == "-V" || name == "--version") {
      if (!flag(options.show_version)) return parsed;
    } else if (name == "--timing") {
      if (!flag(options.timing)) return parsed;
    } else if (name == "-c" || name == "--command" || name == "-f" || name == "--file") {
      const auto value = take_value();
      if (!value) {
        parsed.error = "option " + name + " requires an argument";
        return parsed;
      }
      const bool is_file = name == "-f" || name == "--file";
      options.actions.push_back(
          {is_file ? ScriptAction::Kind::kFile : ScriptAction::Kind::kCommand, *value});
    } else if (name == "--format") {
      const auto value = take_value();
      const auto format = value ? ParseOutputFormat(*value) : std::nullopt;
      if (!format) {
        parsed.error = "option --format requires one of table, csv, json, markdown";
        return parsed;
      }
      options.format = *format;
    } else if (name == "--threads") {
      const auto value = take_value();
      const auto threads = value ? ParseThreadCount(*value) : std::nullopt;
      if (!threads) {
        parsed.error = "option --threads requires a number of threads (0 for one per core)";
        return parsed;
      }
      options.threads = *threads;
    } else {
      parsed.error = "unknown option: " + arg;
      return parsed;
    }
  }
  return parsed;
}

std::string HelpText() {
  return R"(basin is the interactive terminal of the Basin SQL engine.

Usage:
  basin [OPTION]... [WAREHOUSE]
  basin tpch generate --sf N --out DIR [--threads N]

With no WAREHOUSE, basin opens an in-memory database.

Options:
  -c, --command=SQL     run SQL (or a backslash command) and exit; repeatable
  -f, --file=FILE       run the statements in FILE ("-" for stdin) and exit; repeatable
      --format=FORMAT   output format: table (default), csv, json, markdown
      --timing          print each statement's run time on stderr
      --threads=N       worker threads (default 0: one per core)
  -h, --help            show this help, then exit
  -V, --version         show the version, then exit

-c and -f run in the order given and stop at the first error (exit status 1).
In the shell, enter "\help" for the backslash commands.
)";
}

}  // namespace basin::cli
