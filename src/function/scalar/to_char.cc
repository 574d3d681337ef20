#include "function/function_registry.h"

namespace basin {

void RegisterToCharFunctions(FunctionRegistry& registry) {}

}  // namespace basin
