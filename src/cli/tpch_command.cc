#include "cli/tpch_command.h"

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include "common/error.h"
#include "common/thread_pool.h"
#include "tpch/tpch_parallel.h"

namespace basin::cli {

namespace {

struct TpchGenerateOptions {
  double scale_factor = 1;
  std::string out_dir;
  uint32_t threads = 0;  // 0: one per core
};

// Parses the arguments after "tpch generate"; returns the problem, or "".
std::string ParseGenerateOptions(const std::vector<std::string>& args, size_t start,
                                 TpchGenerateOptions& options) {
  bool have_out = false;
  for (size_t i = start; i < args.size(); ++i) {
    std::string name = args[i];
    std::optional<std::string> value;
    const size_t equals = name.find('=');
    if (name.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    } else if (i + 1 < args.size()) {
      value = args[i + 1];
    }
    auto take = [&]() -> std::optional<std::string> {
      if (!value) return std::nullopt;
      if (equals == std::string::npos) ++i;
      return value;
    };
    try {
      if (name == "--sf" || name == "--scale-factor") {
        const auto text = take();
        if (!text) return "option --sf requires a scale factor";
        size_t used = 0;
        options.scale_factor = std::stod(*text, &used);
        if (used != text->size() || !(options.scale_factor > 0)) {
          return "invalid scale factor: " + *text;
        }
      } else if (name == "--out" || name == "-o") {
        const auto text = take();
        if (!text) return "option --out requires a directory";
        options.out_dir = *text;
        have_out = true;
      } else if (name == "--threads") {
        const auto text = take();
        if (!text) return "option --threads requires a number";
        options.threads = static_cast<uint32_t>(std::stoul(*text));
      } else {
        return "unknown option: " + args[i];
      }
    } catch (const std::exception&) {
      return "invalid value for " + name;
    }
  }
  if (!have_out) return "option --out DIR is required";
  return "";
}

}  // namespace

std::string TpchHelpText() {
  return R"(Usage:
  basin tpch generate --sf N --out DIR [--threads N]

Writes the eight TPC-H tables of scale factor N (e.g. 0.01, 1, 10) as dbgen-style
.tbl files ('|' after every field) into DIR. --threads 0 (default) uses every core.
The same data is made by CALL tpch_generate(N) inside the engine.
)";
}

int RunTpchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? err : out) << TpchHelpText();
    return args.empty() ? 1 : 0;
  }
  if (args[0] != "generate") {
    err << "basin tpch: unknown command \"" << args[0] << "\"\n" << TpchHelpText();
    return 1;
  }
  TpchGenerateOptions options;
  const std::string problem = ParseGenerateOptions(args, 1, options);
  if (!problem.empty()) {
    err << "basin tpch generate: " << problem << "\n" << TpchHelpText();
    return 1;
  }
  const uint32_t threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  try {
    const auto start = std::chrono::steady_clock::now();
    ThreadPool pool(threads);
    const tpch::TpchGenerator generator(options.scale_factor);
    const auto rows = tpch::WriteTpchTblFiles(generator, options.out_dir, pool, threads);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const tpch::TpchTable table : tpch::kAllTpchTables) {
      out << tpch::TpchTableName(table) << ": " << rows[static_cast<size_t>(table)] << " rows\n";
    }
    out << "wrote " << options.out_dir << " in " << seconds << " s (" << threads << " threads)\n";
  } catch (const Error& error) {
    err << "basin tpch generate: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace basin::cli
