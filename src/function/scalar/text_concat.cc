// Text concatenation: the || operator (text || text, and text || any / any || text,
// which convert the other side with its text output as PostgreSQL does), concat()
// and concat_ws(), which skip NULL arguments.
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;

// `input` as text: itself when it already is, else converted into `storage` with
// the type's output function. That differs from CAST only for booleans: PostgreSQL
// prints them 't' and 'f' here ('a' || true is 'at'), but casts them to 'true'.
// `zone` prints timestamptz, as the session's TimeZone says.
const Vector& AsText(const Vector& input, uint32_t count, Vector& storage, const TimeZone& zone) {
  if (input.type().id() == kText) return input;
  storage = Vector(kText, count == 0 ? 1 : count);
  if (input.type().id() == TypeId::kBoolean) {
    const uint32_t rows = input.is_constant() ? 1 : count;
    for (uint32_t row = 0; row < rows; ++row) {
      if (input.IsValid(row)) {
        SetText(storage, row, input.data<bool>()[row] ? "t" : "f");
      } else {
        storage.SetNull(row);
      }
    }
    storage.SetConstant(input.is_constant());
    return storage;
  }
  CastVector(input, storage, count, CastMode::kStrict, zone);
  return storage;
}

void ConcatOperatorKernel(const KernelArgs& args, uint32_t count, const FunctionData* data,
                          Vector& result) {
  Vector left_storage;
  Vector right_storage;
  const TimeZone& zone = SessionTimeZone(data);
  const Vector& left = AsText(*args[0], count, left_storage, zone);
  const Vector& right = AsText(*args[1], count, right_storage, zone);
  std::string out;
  ExecuteRows({&left, &right}, count, result, [&](uint32_t row) {
    const std::string_view a = ArgText(left, row);
    const std::string_view b = ArgText(right, row);
    out.assign(a);
    out.append(b);
    SetText(result, row, out);
  });
}

void AddConcatOperator(FunctionRegistry& registry) {
  // text || text first: with two text operands every overload costs nothing, and
  // the first registered wins the tie.
  const std::vector<std::vector<LogicalType>> overloads = {
      {kText, kText}, {kText, TypeId::kNull}, {TypeId::kNull, kText}};
  for (const auto& arguments : overloads) {
    ScalarFunction function = MakeScalar("||", arguments, kText, ConcatOperatorKernel);
    function.uses_time_zone = true;  // 'at ' || now()
    registry.AddScalar(std::move(function));
  }
}

// concat(any, ...) and concat_ws(separator, any, ...): NULL arguments are skipped;
// concat_ws gives NULL only for a NULL separator.
void ConcatKernel(const KernelArgs& args, uint32_t count, Vector& result, bool with_separator,
                  const TimeZone& zone) {
  std::vector<Vector> storage(args.size());
  std::vector<const Vector*> texts;
  for (size_t i = 0; i < args.size(); ++i) {
    texts.push_back(&AsText(*args[i], count, storage[i], zone));
  }
  const size_t first_value = with_separator ? 1 : 0;
  std::string out;
  for (uint32_t row = 0; row < count; ++row) {
    std::string_view separator;
    if (with_separator) {
      if (!texts[0]->IsValid(row)) {
        result.SetNull(row);
        continue;
      }
      separator = ArgText(*texts[0], row);
    }
    out.clear();
    bool first = true;
    for (size_t i = first_value; i < texts.size(); ++i) {
      if (!texts[i]->IsValid(row)) continue;
      if (!first) out.append(separator);
      out.append(ArgText(*texts[i], row));
      first = false;
    }
    SetText(result, row, out);
  }
}

void AddConcat(FunctionRegistry& registry, const char* name, bool with_separator) {
  ScalarFunction function = MakeScalar(
      name, {with_separator ? LogicalType(kText) : LogicalType(TypeId::kNull)}, kText,
      [with_separator](const KernelArgs& args, uint32_t count, const FunctionData* data,
                       Vector& result) {
        ConcatKernel(args, count, result, with_separator, SessionTimeZone(data));
      });
  function.varargs = LogicalType(TypeId::kNull);
  function.uses_time_zone = true;
  function.null_propagating = false;
  registry.AddScalar(std::move(function));
}

}  // namespace

void RegisterConcatFunctions(FunctionRegistry& registry) {
  AddConcatOperator(registry);
  AddConcat(registry, "concat", false);
  AddConcat(registry, "concat_ws", true);
}

}  // namespace basin
