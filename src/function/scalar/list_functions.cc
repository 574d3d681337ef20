// Functions over LIST values (PostgreSQL's arrays): construction, subscripts and
// slices, lengths, search, concatenation, text conversion, and ANY/ALL comparisons.
// Arrays are 1-based, as in PostgreSQL; an index out of range gives NULL.
#include <algorithm>
#include <string>

#include "common/error.h"
#include "function/comparison.h"
#include "function/function_registry.h"
#include "function/scalar/nested_functions.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

const ListEntry& EntryAt(const Vector& list, uint32_t row) { return ArgValue<ListEntry>(list, row); }

// Appends one element, row `from_row` of `from`, to list row `row` under construction.
void AppendElement(Vector& result, const Vector& from, uint32_t from_row) {
  const uint32_t at = result.AppendListElements(1);
  CopyRows(from, &from_row, 1, result.child(), at);
}

// Appends the elements of `list`'s row `row` to the list under construction.
void AppendElements(Vector& result, const Vector& list, uint32_t row) {
  const ListEntry& entry = EntryAt(list, row);
  if (entry.length == 0) return;
  std::vector<uint32_t> rows(entry.length);
  for (uint32_t i = 0; i < entry.length; ++i) rows[i] = entry.offset + i;
  const uint32_t at = result.AppendListElements(entry.length);
  CopyRows(list.child(), rows.data(), entry.length, result.child(), at);
}

void RequireList(const LogicalType& type, const char* function) {
  if (type.id() != TypeId::kList) {
    throw Error(sqlstate::kUndefinedFunction,
                std::string("function ") + function + "(" + type.ToString() + ") does not exist: its argument must be an array");
  }
}

ScalarFunction GenericScalar(std::string name, size_t arguments, ScalarKernel kernel) {
  ScalarFunction function;
  function.name = std::move(name);
  function.arguments.assign(arguments, LogicalType(TypeId::kNull));
  function.kernel = std::move(kernel);
  return function;
}

// ARRAY[a, b, ...]: the binder has cast every element to one type.
ScalarFunction ListValue() {
  ScalarFunction function = GenericScalar("list_value", 0, [](const KernelArgs& args, uint32_t count, const FunctionData*,
                                                               Vector& result) {
    for (uint32_t row = 0; row < count; ++row) {
      const uint32_t first = result.list_size();
      for (const Vector* arg : args) AppendElement(result, *arg, RowIndex(*arg, row));
      result.data<ListEntry>()[row] = ListEntry{first, static_cast<uint32_t>(args.size())};
    }
  });
  function.varargs = LogicalType(TypeId::kNull);
  function.null_propagating = false;
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    LogicalType element = types.empty() ? LogicalType(TypeId::kVarchar) : types[0];
    for (auto& type : types) type = element;
    return_type = LogicalType::List(element);
    return nullptr;
  };
  return function;
}

ScalarFunction ListExtract() {
  ScalarFunction function = GenericScalar("list_extract", 2, [](const KernelArgs& args, uint32_t count, const FunctionData*,
                                                                 Vector& result) {
    const Vector& list = *args[0];
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(list, row);
      const int64_t index = ArgValue<int64_t>(*args[1], row);
      if (index < 1 || index > entry.length) {
        result.SetNull(row);
        return;
      }
      const uint32_t element = entry.offset + static_cast<uint32_t>(index - 1);
      CopyRows(list.child(), &element, 1, result, row);
    });
  });
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "list_extract");
    types[1] = TypeId::kBigInt;
    return_type = types[0].ChildType();
    return nullptr;
  };
  return function;
}

// list[lower:upper], both bounds inclusive and clamped to the array, as PostgreSQL.
ScalarFunction ListSlice() {
  ScalarFunction function = GenericScalar("list_slice", 3, [](const KernelArgs& args, uint32_t count, const FunctionData*,
                                                               Vector& result) {
    const Vector& list = *args[0];
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(list, row);
      const int64_t lower = std::max<int64_t>(1, ArgValue<int64_t>(*args[1], row));
      const int64_t upper = std::min<int64_t>(entry.length, ArgValue<int64_t>(*args[2], row));
      const uint32_t first = result.list_size();
      for (int64_t i = lower; i <= upper; ++i) AppendElement(result, list.child(), entry.offset + static_cast<uint32_t>(i - 1));
      result.data<ListEntry>()[row] = ListEntry{first, result.list_size() - first};
    });
  });
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "list_slice");
    types[1] = TypeId::kBigInt;
    types[2] = TypeId::kBigInt;
    return_type = types[0];
    return nullptr;
  };
  return function;
}

// array_length(list, dimension): PostgreSQL gives NULL for an empty array and for a
// dimension it does not have.
ScalarFunction ArrayLength() {
  ScalarFunction function = GenericScalar("array_length", 2, [](const KernelArgs& args, uint32_t count, const FunctionData*,
                                                                 Vector& result) {
    const Vector& list = *args[0];
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(list, row);
      const int32_t dimension = ArgValue<int32_t>(*args[1], row);
      if (dimension == 1 && entry.length > 0) {
        result.data<int32_t>()[row] = static_cast<int32_t>(entry.length);
        return;
      }
      // Inner dimensions: the length of the first inner array (PostgreSQL's arrays are
      // rectangular; Basin's lists of lists need not be).
      if (dimension == 2 && entry.length > 0 && list.child().type().id() == TypeId::kList &&
          list.child().validity().IsValid(entry.offset)) {
        const uint32_t inner = list.child().data<ListEntry>()[entry.offset].length;
        if (inner > 0) {
          result.data<int32_t>()[row] = static_cast<int32_t>(inner);
          return;
        }
      }
      result.SetNull(row);
    });
  });
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "array_length");
    types[1] = TypeId::kInteger;
    return_type = TypeId::kInteger;
    return nullptr;
  };
  return function;
}

uint64_t CountLeaves(const Vector& list, uint32_t row) {
  const ListEntry& entry = list.data<ListEntry>()[row];
  if (list.child().type().id() != TypeId::kList) return entry.length;
  uint64_t total = 0;
  for (uint32_t i = 0; i < entry.length; ++i) {
    if (list.child().validity().IsValid(entry.offset + i)) total += CountLeaves(list.child(), entry.offset + i);
  }
  return total;
}

// cardinality(list): every element of every dimension.
ScalarFunction Cardinality() {
  ScalarFunction function = GenericScalar("cardinality", 1, [](const KernelArgs& args, uint32_t count, const FunctionData*,
                                                                Vector& result) {
    ExecuteRows(args, count, result, [&](uint32_t row) {
      result.data<int32_t>()[row] = static_cast<int32_t>(CountLeaves(*args[0], RowIndex(*args[0], row)));
    });
  });
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "cardinality");
    return_type = TypeId::kInteger;
    return nullptr;
  };
  return function;
}

// array_to_string(list, delimiter [, null_text]): NULL elements are skipped unless
// null_text is given.
// Elements print as their output function does, timestamptz in the session zone.
ScalarKernel ArrayToStringKernel() {
  return [](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
    const Vector& list = *args[0];
    Vector text(TypeId::kVarchar, std::max(1u, list.list_size()));
    CastVector(list.child(), text, list.list_size(), CastMode::kStrict, SessionTimeZone(data));
    std::string out;
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const ListEntry& entry = EntryAt(list, row);
      const std::string_view delimiter = ArgText(*args[1], row);
      const bool has_null_text = args.size() > 2;
      out.clear();
      bool first = true;
      for (uint32_t i = 0; i < entry.length; ++i) {
        const uint32_t element = entry.offset + i;
        const bool valid = text.validity().IsValid(element);
        if (!valid && !has_null_text) continue;
        if (!first) out += delimiter;
        first = false;
        out += valid ? text.data<StringRef>()[element].view() : ArgText(*args[2], row);
      }
      SetText(result, row, out);
    });
  };
}

ScalarFunction ArrayToString(size_t arguments) {
  ScalarFunction function = GenericScalar("array_to_string", arguments, ArrayToStringKernel());
  function.uses_time_zone = true;
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "array_to_string");
    for (size_t i = 1; i < types.size(); ++i) types[i] = TypeId::kVarchar;
    return_type = TypeId::kVarchar;
    return nullptr;
  };
  return function;
}

// string_to_array(text, delimiter [, null_text]): a NULL delimiter splits into
// characters, an empty one gives the whole string, as PostgreSQL.
ScalarFunction StringToArray(size_t arguments) {
  std::vector<LogicalType> parameters(arguments, LogicalType(TypeId::kVarchar));
  ScalarFunction function;
  function.name = "string_to_array";
  function.arguments = parameters;
  function.return_type = LogicalType::List(TypeId::kVarchar);
  function.null_propagating = false;
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    Vector& elements = result.child();
    for (uint32_t row = 0; row < count; ++row) {
      if (!args[0]->IsValid(row)) {
        result.SetNull(row);
        continue;
      }
      const std::string_view text = ArgText(*args[0], row);
      const uint32_t first = result.list_size();
      auto add = [&](std::string_view part) {
        const uint32_t at = result.AppendListElements(1);
        if (args.size() > 2 && args[2]->IsValid(row) && part == ArgText(*args[2], row)) {
          elements.SetNull(at);
        } else {
          elements.data<StringRef>()[at] = elements.AddString(part);
        }
      };
      if (!text.empty()) {
        if (!args[1]->IsValid(row)) {
          for (size_t i = 0; i < text.size(); ++i) add(text.substr(i, 1));
        } else {
          const std::string_view delimiter = ArgText(*args[1], row);
          if (delimiter.empty()) {
            add(text);
          } else {
            size_t start = 0;
            while (true) {
              const size_t found = text.find(delimiter, start);
              if (found == std::string_view::npos) {
                add(text.substr(start));
                break;
              }
              add(text.substr(start, found - start));
              start = found + delimiter.size();
            }
          }
        }
      }
      result.data<ListEntry>()[row] = ListEntry{first, result.list_size() - first};
    }
  };
  return function;
}

// array_append(list, element), array_prepend(element, list), array_cat(list, list):
// a NULL array counts as an empty one, as in PostgreSQL.
enum class Concat { kAppend, kPrepend, kCat };

ScalarFunction ListConcat(const char* name, Concat kind) {
  ScalarFunction function =
      GenericScalar(name, 2, [kind](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        for (uint32_t row = 0; row < count; ++row) {
          const uint32_t first = result.list_size();
          for (size_t a = 0; a < 2; ++a) {
            const Vector& arg = *args[a];
            const uint32_t index = RowIndex(arg, row);
            const bool is_list = kind == Concat::kCat || (kind == Concat::kAppend ? a == 0 : a == 1);
            if (!is_list) {
              AppendElement(result, arg, index);
            } else if (arg.validity().IsValid(index)) {
              AppendElements(result, arg, index);
            }
          }
          if (kind == Concat::kCat && !args[0]->IsValid(row) && !args[1]->IsValid(row)) {
            result.SetNull(row);
            continue;
          }
          result.data<ListEntry>()[row] = ListEntry{first, result.list_size() - first};
        }
      });
  function.null_propagating = false;
  function.bind = [kind, name](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    const size_t list_arg = kind == Concat::kPrepend ? 1 : 0;
    RequireList(types[list_arg], name);
    LogicalType list = types[list_arg];
    if (kind == Concat::kCat) {
      RequireList(types[1], name);
      auto common = types[0] == types[1] ? std::optional<LogicalType>(types[0]) : std::nullopt;
      if (!common && CastExists(types[1], types[0])) common = types[0];
      if (!common) throw Error(sqlstate::kDatatypeMismatch, "cannot concatenate " + types[0].ToString() + " and " + types[1].ToString());
      list = *common;
      types[0] = types[1] = list;
    } else {
      types[1 - list_arg] = list.ChildType();
    }
    return_type = list;
    return nullptr;
  };
  return function;
}

// Compares `left` with every element of `list`, row by row: the outcome of row r's
// elements follows those of the rows before it (rows with a NULL list have none).
Vector CompareWithElements(const Vector& left, const Vector& list, uint32_t count, CompareOp op) {
  std::vector<uint32_t> left_rows;
  std::vector<uint32_t> element_rows;
  for (uint32_t row = 0; row < count; ++row) {
    if (!list.IsValid(row)) continue;
    const ListEntry& entry = EntryAt(list, row);
    for (uint32_t i = 0; i < entry.length; ++i) {
      left_rows.push_back(RowIndex(left, row));
      element_rows.push_back(entry.offset + i);
    }
  }
  const uint32_t total = static_cast<uint32_t>(left_rows.size());
  Vector expanded(left.type(), std::max(total, 1u));
  Vector elements(list.child().type(), std::max(total, 1u));
  Vector outcome(TypeId::kBoolean, std::max(total, 1u));
  CopyRows(left, left_rows.data(), total, expanded, 0);
  CopyRows(list.child(), element_rows.data(), total, elements, 0);
  CompareVectors(op, expanded, elements, total, outcome);
  return outcome;
}

// array_position(list, element): the first index holding an element equal to it
// (IS NOT DISTINCT FROM, so NULL finds NULL), or NULL.
ScalarFunction ArrayPosition() {
  ScalarFunction function =
      GenericScalar("array_position", 2, [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        const Vector& list = *args[0];
        const Vector outcome = CompareWithElements(*args[1], list, count, CompareOp::kNotDistinctFrom);
        uint32_t next = 0;
        for (uint32_t row = 0; row < count; ++row) {
          if (!list.IsValid(row)) {
            result.SetNull(row);
            continue;
          }
          const uint32_t length = EntryAt(list, row).length;
          int32_t found = 0;
          for (uint32_t i = 0; i < length; ++i, ++next) {
            if (found == 0 && outcome.data<bool>()[next]) found = static_cast<int32_t>(i + 1);
          }
          if (found == 0) {
            result.SetNull(row);
          } else {
            result.data<int32_t>()[row] = found;
          }
        }
      });
  function.null_propagating = false;
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    RequireList(types[0], "array_position");
    types[1] = types[0].ChildType();
    return_type = TypeId::kInteger;
    return nullptr;
  };
  return function;
}

// left op ANY(list) / ALL(list), with SQL's three-valued logic: ANY is true if some
// comparison is true, else NULL if some is NULL, else false (also for an empty
// list); ALL is the dual. The binder builds the call with its ListCompareData.
ScalarFunction ListAnyCompare() {
  ScalarFunction function =
      GenericScalar("list_any_compare", 2, [](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
        const auto& compare = static_cast<const ListCompareData&>(*data);
        const Vector& list = *args[1];
        const Vector outcome = CompareWithElements(*args[0], list, count, compare.op);
        uint32_t next = 0;
        for (uint32_t row = 0; row < count; ++row) {
          if (!list.IsValid(row)) {
            result.SetNull(row);
            continue;
          }
          const uint32_t length = EntryAt(list, row).length;
          bool decided = false;
          bool saw_null = false;
          for (uint32_t i = 0; i < length; ++i, ++next) {
            if (!outcome.validity().IsValid(next)) {
              saw_null = true;
            } else if (outcome.data<bool>()[next] != compare.all) {
              decided = true;
            }
          }
          if (decided) {
            result.data<bool>()[row] = !compare.all;
          } else if (saw_null) {
            result.SetNull(row);
          } else {
            result.data<bool>()[row] = compare.all;
          }
        }
      });
  function.return_type = TypeId::kBoolean;
  function.null_propagating = false;
  return function;
}

// The values of generate_series(start, stop [, step]) as one list: a select list's
// generate_series(...) is unnest(generate_series_list(...)). Capped, since the list
// is materialized per row (generate_series in FROM streams any length).
constexpr int64_t kMaxSeriesListLength = 100'000'000;

template <class T>
ScalarFunction SeriesList(TypeId type, size_t arguments) {
  ScalarFunction function;
  function.name = "generate_series_list";
  function.arguments.assign(arguments, LogicalType(type));
  function.return_type = LogicalType::List(type);
  function.kernel = [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const int64_t start = ArgValue<T>(*args[0], row);
      const int64_t stop = ArgValue<T>(*args[1], row);
      const int64_t step = args.size() > 2 ? int64_t{ArgValue<T>(*args[2], row)} : 1;
      if (step == 0) throw Error(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
      const __int128 span = static_cast<__int128>(stop) - start;
      const __int128 length = (span == 0 || (span > 0) == (step > 0)) ? span / step + 1 : 0;
      if (length > kMaxSeriesListLength) {
        throw Error(sqlstate::kProgramLimitExceeded,
                    "generate_series in a select list makes at most 100000000 rows; use FROM generate_series(...)");
      }
      const uint32_t n = static_cast<uint32_t>(length);
      const uint32_t first = result.AppendListElements(n);
      T* values = result.child().data<T>() + first;
      for (uint32_t i = 0; i < n; ++i) values[i] = static_cast<T>(start + static_cast<__int128>(i) * step);
      result.data<ListEntry>()[row] = ListEntry{first, n};
    });
  };
  return function;
}

}  // namespace

void RegisterListFunctions(FunctionRegistry& registry) {
  registry.AddScalar(SeriesList<int32_t>(TypeId::kInteger, 2));
  registry.AddScalar(SeriesList<int32_t>(TypeId::kInteger, 3));
  registry.AddScalar(SeriesList<int64_t>(TypeId::kBigInt, 2));
  registry.AddScalar(SeriesList<int64_t>(TypeId::kBigInt, 3));
  registry.AddScalar(ListValue());
  registry.AddScalar(ListExtract());
  registry.AddScalar(ListSlice());
  registry.AddScalar(ArrayLength());
  registry.AddScalar(Cardinality());
  registry.AddScalar(ArrayToString(2));
  registry.AddScalar(ArrayToString(3));
  registry.AddScalar(StringToArray(2));
  registry.AddScalar(StringToArray(3));
  registry.AddScalar(ListConcat("array_append", Concat::kAppend));
  registry.AddScalar(ListConcat("array_prepend", Concat::kPrepend));
  registry.AddScalar(ListConcat("array_cat", Concat::kCat));
  registry.AddScalar(ArrayPosition());
  registry.AddScalar(ListAnyCompare());
}

}  // namespace basin
