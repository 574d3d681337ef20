#include "function/function_registry.h"

namespace basin {

void RegisterToTimestampFunctions(FunctionRegistry& registry) {}

}  // namespace basin
