#include "function/window/window_functions.h"

#include <unordered_map>

namespace basin {

std::optional<WindowFunctionKind> FindWindowFunction(const std::string& name) {
  static const std::unordered_map<std::string, WindowFunctionKind> kFunctions = {
      {"row_number", WindowFunctionKind::kRowNumber},   {"rank", WindowFunctionKind::kRank},
      {"dense_rank", WindowFunctionKind::kDenseRank},   {"percent_rank", WindowFunctionKind::kPercentRank},
      {"cume_dist", WindowFunctionKind::kCumeDist},     {"ntile", WindowFunctionKind::kNtile},
      {"lag", WindowFunctionKind::kLag},                {"lead", WindowFunctionKind::kLead},
      {"first_value", WindowFunctionKind::kFirstValue}, {"last_value", WindowFunctionKind::kLastValue},
      {"nth_value", WindowFunctionKind::kNthValue},
  };
  auto it = kFunctions.find(name);
  if (it == kFunctions.end()) return std::nullopt;
  return it->second;
}

bool UsesFrame(WindowFunctionKind kind) {
  return kind == WindowFunctionKind::kAggregate || kind == WindowFunctionKind::kFirstValue ||
         kind == WindowFunctionKind::kLastValue || kind == WindowFunctionKind::kNthValue;
}

}  // namespace basin
