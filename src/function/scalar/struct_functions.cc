// Functions over STRUCT and MAP values: ROW(...) construction, field access, and map
// construction and lookup.
#include <string>

#include "common/error.h"
#include "exec/hashing.h"
#include "function/function_registry.h"
#include "function/scalar/nested_functions.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

// ROW(a, b, ...): fields named f1, f2, ... as PostgreSQL names an anonymous record's.
// A NULL argument is a NULL field, never a NULL row.
ScalarFunction StructPack() {
  ScalarFunction function;
  function.name = "struct_pack";
  function.varargs = LogicalType(TypeId::kNull);
  function.null_propagating = false;
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    for (size_t f = 0; f < args.size(); ++f) {
      const Vector& arg = *args[f];
      if (arg.is_constant()) {
        std::vector<uint32_t> zeros(count, 0);
        CopyRows(arg, zeros.data(), count, result.child(f), 0);
      } else {
        CopyRows(arg, nullptr, count, result.child(f), 0);
      }
    }
  };
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    std::vector<std::string> names;
    for (size_t i = 0; i < types.size(); ++i) names.push_back("f" + std::to_string(i + 1));
    return_type = LogicalType::Struct(std::move(names), types);
    return nullptr;
  };
  return function;
}

// struct.field: the binder resolves the name to an index (FieldIndexData). A NULL
// struct gives a NULL field whatever its child vector holds.
ScalarFunction StructExtract() {
  ScalarFunction function;
  function.name = "struct_extract";
  function.arguments = {TypeId::kNull};
  function.null_propagating = true;
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
    const size_t field = static_cast<const FieldIndexData&>(*data).index;
    const Vector& source = *args[0];
    if (source.is_constant()) {
      std::vector<uint32_t> zeros(count, 0);
      CopyRows(source.child(field), zeros.data(), count, result, 0);
    } else {
      CopyRows(source.child(field), nullptr, count, result, 0);
    }
    for (uint32_t row = 0; row < count; ++row) {
      if (!source.IsValid(row)) result.SetNull(row);
    }
  };
  return function;
}

// map(keys, values): from two lists of equal length; NULL keys are refused.
ScalarFunction MapFromLists() {
  ScalarFunction function;
  function.name = "map";
  function.arguments = {TypeId::kNull, TypeId::kNull};
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    const Vector& keys = *args[0];
    const Vector& values = *args[1];
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& key_entry = ArgValue<ListEntry>(keys, row);
      const ListEntry& value_entry = ArgValue<ListEntry>(values, row);
      if (key_entry.length != value_entry.length) {
        throw Error(sqlstate::kInvalidParameterValue, "map keys and values must have the same length (" +
                                                          std::to_string(key_entry.length) + " keys, " +
                                                          std::to_string(value_entry.length) + " values)");
      }
      std::vector<uint32_t> key_rows(key_entry.length);
      std::vector<uint32_t> value_rows(value_entry.length);
      for (uint32_t i = 0; i < key_entry.length; ++i) {
        key_rows[i] = key_entry.offset + i;
        value_rows[i] = value_entry.offset + i;
        if (!keys.child().validity().IsValid(key_rows[i])) {
          throw Error(sqlstate::kNotNullViolation, "map keys must not be NULL");
        }
      }
      const uint32_t first = result.AppendListElements(key_entry.length);
      Vector& entries = result.child();
      CopyRows(keys.child(), key_rows.data(), key_entry.length, entries.child(0), first);
      CopyRows(values.child(), value_rows.data(), value_entry.length, entries.child(1), first);
      for (uint32_t i = 0; i < key_entry.length; ++i) entries.validity().SetValid(first + i);
      result.data<ListEntry>()[row] = ListEntry{first, key_entry.length};
    });
  };
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kList || types[1].id() != TypeId::kList) {
      throw Error(sqlstate::kUndefinedFunction, "function map(" + types[0].ToString() + ", " + types[1].ToString() +
                                                    ") does not exist: map takes a list of keys and a list of values");
    }
    return_type = LogicalType::Map(types[0].ChildType(), types[1].ChildType());
    return nullptr;
  };
  return function;
}

// map[key] and element_at(map, key): the value of the first entry with that key, or
// NULL.
ScalarFunction MapExtract() {
  ScalarFunction function;
  function.name = "map_extract";
  function.arguments = {TypeId::kNull, TypeId::kNull};
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    const Vector& map = *args[0];
    const Vector& keys = map.child().child(0);
    const Vector& values = map.child().child(1);
    const RowEqualFunction equal = GetRowEqualFunction(keys.type());
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = ArgValue<ListEntry>(map, row);
      for (uint32_t i = 0; i < entry.length; ++i) {
        const uint32_t element = entry.offset + i;
        // The probe is not NULL (ExecuteRows); a NULL key (from a file) matches nothing.
        if (keys.validity().IsValid(element) && equal(keys, element, *args[1], row)) {
          CopyRows(values, &element, 1, result, row);
          return;
        }
      }
      result.SetNull(row);
    });
  };
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kMap) throw Error(sqlstate::kUndefinedFunction, "map_extract needs a map, not " + types[0].ToString());
    types[1] = types[0].FieldType(0);
    return_type = types[0].FieldType(1);
    return nullptr;
  };
  return function;
}

// map_keys(map) / map_values(map): the keys or values as a list.
ScalarFunction MapPart(const char* name, size_t part) {
  ScalarFunction function;
  function.name = name;
  function.arguments = {TypeId::kNull};
  function.kernel = [part](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    const Vector& map = *args[0];
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = ArgValue<ListEntry>(map, row);
      std::vector<uint32_t> rows(entry.length);
      for (uint32_t i = 0; i < entry.length; ++i) rows[i] = entry.offset + i;
      const uint32_t first = result.AppendListElements(entry.length);
      CopyRows(map.child().child(part), rows.data(), entry.length, result.child(), first);
      result.data<ListEntry>()[row] = ListEntry{first, entry.length};
    });
  };
  function.bind = [name, part](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    if (types[0].id() != TypeId::kMap) {
      throw Error(sqlstate::kUndefinedFunction, std::string(name) + " needs a map, not " + types[0].ToString());
    }
    return_type = LogicalType::List(types[0].FieldType(part));
    return nullptr;
  };
  return function;
}

}  // namespace

void RegisterStructFunctions(FunctionRegistry& registry) {
  registry.AddScalar(StructPack());
  registry.AddScalar(StructExtract());
  registry.AddScalar(MapFromLists());
  registry.AddScalar(MapExtract());
  ScalarFunction element_at = MapExtract();
  element_at.name = "element_at";
  registry.AddScalar(std::move(element_at));
  registry.AddScalar(MapPart("map_keys", 0));
  registry.AddScalar(MapPart("map_values", 1));
}

}  // namespace basin
