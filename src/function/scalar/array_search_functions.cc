// PostgreSQL's array containment and search: @> (contains), <@ (is contained by),
// && (overlaps), array_remove, array_replace, and the bounds functions array_lower,
// array_upper and array_dims. Elements compare with `=`: a NULL element matches
// nothing, except in array_remove / array_replace, which use IS NOT DISTINCT FROM.
#include <string>

#include "common/error.h"
#include "exec/hashing.h"
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

const ListEntry& EntryAt(const Vector& list, uint32_t row) { return ArgValue<ListEntry>(list, row); }

// Whether some valid element of `list` at `entry` equals `elements`' row `row`.
bool HasElement(const Vector& elements, const ListEntry& entry, const Vector& probe, uint32_t probe_row,
                RowEqualFunction equal) {
  for (uint32_t i = 0; i < entry.length; ++i) {
    const uint32_t element = entry.offset + i;
    if (elements.validity().IsValid(element) && equal(elements, element, probe, probe_row)) return true;
  }
  return false;
}

// Both arguments become lists of one element type (the first's, or the second's when
// the first's casts to it implicitly).
std::unique_ptr<FunctionData> BindTwoLists(std::vector<LogicalType>& types, const char* name) {
  if (types[0].id() != TypeId::kList || types[1].id() != TypeId::kList) {
    throw Error(sqlstate::kUndefinedFunction, std::string("operator does not exist: ") + types[0].ToString() + " " + name +
                                                  " " + types[1].ToString());
  }
  types[1] = types[0];
  return nullptr;
}

enum class SetTest { kContains, kContainedBy, kOverlaps };

ScalarFunction ArraySetOperator(const char* name, SetTest test) {
  ScalarFunction function;
  function.name = name;
  function.arguments = {TypeId::kNull, TypeId::kNull};
  function.return_type = TypeId::kBoolean;
  function.kernel = [test](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    // a @> b: every valid element of b is in a (b <@ a the same, swapped).
    const Vector& haystack = *args[test == SetTest::kContainedBy ? 1 : 0];
    const Vector& needles = *args[test == SetTest::kContainedBy ? 0 : 1];
    const RowEqualFunction equal = GetRowEqualFunction(haystack.child().type());
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& in = EntryAt(haystack, row);
      const ListEntry& wanted = EntryAt(needles, row);
      bool outcome = test != SetTest::kOverlaps;
      for (uint32_t i = 0; i < wanted.length; ++i) {
        const uint32_t needle = wanted.offset + i;
        const bool found = needles.child().validity().IsValid(needle) &&
                           HasElement(haystack.child(), in, needles.child(), needle, equal);
        if (test == SetTest::kOverlaps && found) {
          outcome = true;
          break;
        }
        if (test != SetTest::kOverlaps && !found) {
          outcome = false;
          break;
        }
      }
      result.data<bool>()[row] = outcome;
    });
  };
  function.bind = [name](std::vector<LogicalType>& types, LogicalType&) { return BindTwoLists(types, name); };
  return function;
}

// array_remove(list, x) / array_replace(list, x, y): elements IS NOT DISTINCT FROM x
// dropped or replaced by y.
ScalarFunction ArrayRemoveOrReplace(bool replace) {
  ScalarFunction function;
  function.name = replace ? "array_replace" : "array_remove";
  function.arguments.assign(replace ? 3 : 2, LogicalType(TypeId::kNull));
  function.null_propagating = false;
  function.kernel = [replace](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    const Vector& list = *args[0];
    const RowEqualFunction equal = GetRowEqualFunction(list.child().type());
    for (uint32_t row = 0; row < count; ++row) {
      if (!list.IsValid(row)) {
        result.SetNull(row);
        continue;
      }
      const ListEntry& entry = EntryAt(list, row);
      const uint32_t target_row = RowIndex(*args[1], row);
      const bool target_valid = args[1]->validity().IsValid(target_row);
      const uint32_t first = result.list_size();
      for (uint32_t i = 0; i < entry.length; ++i) {
        uint32_t element = entry.offset + i;
        const bool valid = list.child().validity().IsValid(element);
        const bool match = valid == target_valid && (!valid || equal(list.child(), element, *args[1], target_row));
        if (match && !replace) continue;
        const uint32_t at = result.AppendListElements(1);
        if (match) {
          const uint32_t with = RowIndex(*args[2], row);
          CopyRows(*args[2], &with, 1, result.child(), at);
        } else {
          CopyRows(list.child(), &element, 1, result.child(), at);
        }
      }
      result.data<ListEntry>()[row] = ListEntry{first, result.list_size() - first};
    }
  };
  function.bind = [replace](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kList) {
      throw Error(sqlstate::kUndefinedFunction,
                  std::string("function ") + (replace ? "array_replace" : "array_remove") + " needs an array");
    }
    for (size_t i = 1; i < types.size(); ++i) types[i] = types[0].ChildType();
    return_type = types[0];
    return nullptr;
  };
  return function;
}

// array_lower / array_upper(list, dimension): 1 and the length for dimension 1 of a
// non-empty array (Basin's arrays start at 1); NULL otherwise. array_dims: "[1:n]".
ScalarFunction ArrayBound(const char* name, bool upper) {
  ScalarFunction function;
  function.name = name;
  function.arguments = {TypeId::kNull, TypeId::kInteger};
  function.return_type = TypeId::kInteger;
  function.kernel = [upper](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(*args[0], row);
      if (ArgValue<int32_t>(*args[1], row) != 1 || entry.length == 0) {
        result.SetNull(row);
        return;
      }
      result.data<int32_t>()[row] = upper ? static_cast<int32_t>(entry.length) : 1;
    });
  };
  function.bind = [name](std::vector<LogicalType>& types, LogicalType&) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kList) throw Error(sqlstate::kUndefinedFunction, std::string("function ") + name + " needs an array");
    return nullptr;
  };
  return function;
}

ScalarFunction ArrayDims() {
  ScalarFunction function;
  function.name = "array_dims";
  function.arguments = {TypeId::kNull};
  function.return_type = TypeId::kVarchar;
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(*args[0], row);
      if (entry.length == 0) {
        result.SetNull(row);
        return;
      }
      SetText(result, row, "[1:" + std::to_string(entry.length) + "]");
    });
  };
  function.bind = [](std::vector<LogicalType>& types, LogicalType&) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kList) throw Error(sqlstate::kUndefinedFunction, "function array_dims needs an array");
    return nullptr;
  };
  return function;
}

}  // namespace

void RegisterArraySearchFunctions(FunctionRegistry& registry) {
  registry.AddScalar(ArraySetOperator("@>", SetTest::kContains));
  registry.AddScalar(ArraySetOperator("<@", SetTest::kContainedBy));
  registry.AddScalar(ArraySetOperator("&&", SetTest::kOverlaps));
  registry.AddScalar(ArrayRemoveOrReplace(false));
  registry.AddScalar(ArrayRemoveOrReplace(true));
  registry.AddScalar(ArrayBound("array_lower", false));
  registry.AddScalar(ArrayBound("array_upper", true));
  registry.AddScalar(ArrayDims());
}

}  // namespace basin
