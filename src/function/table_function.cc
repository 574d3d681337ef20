#include "function/table_function.h"

#include <unordered_map>

namespace basin {

const TableFunction* FindTableFunction(const std::string& name) {
  static const auto* functions = [] {
    auto* map = new std::unordered_map<std::string, TableFunction>();
    for (TableFunction function : {MakeGenerateSeriesFunction(), MakeReadCsvFunction(), MakeReadCsvAutoFunction(),
                                   MakeReadJsonFunction(), MakeReadJsonAutoFunction(), MakeReadNdjsonFunction(),
                                   MakeUnnestFunction(), MakeReadParquetFunction()}) {
      const std::string key = function.name;
      (*map)[key] = std::move(function);
    }
    return map;
  }();
  auto it = functions->find(name);
  return it == functions->end() ? nullptr : &it->second;
}

}  // namespace basin
