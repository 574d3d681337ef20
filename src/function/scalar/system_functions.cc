// Functions about the system rather than the data: version(), pg_typeof(), typeof(),
// current_schema(), current_database(), current_user and friends, gen_random_uuid()
// and clock_timestamp().
#include <chrono>
#include <random>

#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;

// main/database.h defines kBasinVersion, but function/ sits below main/ and must
// not include it; keep the two in step.
constexpr std::string_view kVersionText = "Basin 0.1.0";

// A function of no arguments returning fixed text.
void AddConstantText(FunctionRegistry& registry, const char* name, std::string_view text) {
  registry.AddScalar(
      MakeScalar(name, {}, kText,
                 [text](const KernelArgs&, uint32_t count, const FunctionData*, Vector& result) {
                   for (uint32_t row = 0; row < count; ++row) SetText(result, row, text);
                 }));
}

// PostgreSQL's regtype names, without type modifiers: pg_typeof(1.5) is "numeric".
std::string PostgresTypeName(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kDecimal:
      return "numeric";
    case TypeId::kVarchar:
      return "text";
    case TypeId::kTime:
      return "time without time zone";
    case TypeId::kTimestamp:
      return "timestamp without time zone";
    case TypeId::kTimestampTz:
      return "timestamp with time zone";
    default:
      return type.ToString();
  }
}

// pg_typeof(any) and typeof(any): the argument's type, known from the vector alone,
// so NULL arguments still have one.
void AddTypeOf(FunctionRegistry& registry, const char* name, bool postgres_names) {
  ScalarFunction function = MakeScalar(
      name, {TypeId::kNull}, kText,
      [postgres_names](const KernelArgs& args, uint32_t count, const FunctionData*,
                       Vector& result) {
        const LogicalType& type = args[0]->type();
        const std::string text = postgres_names ? PostgresTypeName(type) : type.ToString();
        for (uint32_t row = 0; row < count; ++row) SetText(result, row, text);
      });
  function.null_propagating = false;
  registry.AddScalar(std::move(function));
}

// Version 4 (random) UUID text, from a per-thread generator.
void AddGenRandomUuid(FunctionRegistry& registry) {
  for (const char* name : {"gen_random_uuid", "uuid"}) {
    ScalarFunction function = MakeScalar(
        name, {}, kText,
        [](const KernelArgs&, uint32_t count, const FunctionData*, Vector& result) {
          thread_local std::mt19937_64 generator{std::random_device{}()};
          static constexpr char kHex[] = "0123456789abcdef";
          for (uint32_t row = 0; row < count; ++row) {
            uint8_t bytes[16];
            const uint64_t high = generator();
            const uint64_t low = generator();
            for (int i = 0; i < 8; ++i) {
              bytes[i] = static_cast<uint8_t>(high >> (8 * i));
              bytes[8 + i] = static_cast<uint8_t>(low >> (8 * i));
            }
            bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
            bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
            char text[36];
            size_t length = 0;
            for (int i = 0; i < 16; ++i) {
              if (i == 4 || i == 6 || i == 8 || i == 10) text[length++] = '-';
              text[length++] = kHex[bytes[i] >> 4];
              text[length++] = kHex[bytes[i] & 15];
            }
            SetText(result, row, std::string_view(text, length));
          }
        });
    function.volatility = Volatility::kVolatile;
    registry.AddScalar(std::move(function));
  }
}

void AddClockTimestamp(FunctionRegistry& registry) {
  ScalarFunction function =
      MakeScalar("clock_timestamp", {}, TypeId::kTimestampTz,
                 [](const KernelArgs&, uint32_t count, const FunctionData*, Vector& result) {
                   int64_t* out = result.data<int64_t>();
                   for (uint32_t row = 0; row < count; ++row) {
                     out[row] = std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
                   }
                 });
  function.volatility = Volatility::kVolatile;
  registry.AddScalar(std::move(function));
}

}  // namespace

void RegisterSystemFunctions(FunctionRegistry& registry) {
  AddConstantText(registry, "version", kVersionText);
  AddConstantText(registry, "current_schema", "main");
  AddConstantText(registry, "current_database", "basin");
  AddConstantText(registry, "current_catalog", "basin");
  for (const char* name : {"current_user", "session_user", "user", "current_role"}) {
    AddConstantText(registry, name, "basin");
  }
  AddTypeOf(registry, "pg_typeof", true);
  AddTypeOf(registry, "typeof", false);
  AddGenRandomUuid(registry);
  AddClockTimestamp(registry);
}

}  // namespace basin
