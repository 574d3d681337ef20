// Bitwise operators on integers: & (and), | (or), # (xor), ~ (not), << and >>
// (shift by an integer count). Shifts take the count modulo the type's width in
// bits, which is what PostgreSQL's C shifts do on x86.
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

enum class BitOp { kAnd, kOr, kXor, kShiftLeft, kShiftRight };

template <class T>
T Apply(BitOp op, T a, int64_t b) {
  // Shift in the unsigned type (left shifts of negative values are undefined in
  // older C++) and at least 32 bits wide, as C promotes smallint operands.
  using Wide = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;
  using Unsigned = std::make_unsigned_t<Wide>;
  const int shift = static_cast<int>(b & (sizeof(Wide) * 8 - 1));
  switch (op) {
    case BitOp::kAnd:
      return static_cast<T>(a & static_cast<T>(b));
    case BitOp::kOr:
      return static_cast<T>(a | static_cast<T>(b));
    case BitOp::kXor:
      return static_cast<T>(a ^ static_cast<T>(b));
    case BitOp::kShiftLeft:
      return static_cast<T>(static_cast<Wide>(static_cast<Unsigned>(Wide{a}) << shift));
    case BitOp::kShiftRight:
      return static_cast<T>(Wide{a} >> shift);  // arithmetic shift, as in C on two's complement
  }
  return 0;
}

template <class T>
void AddBitwise(FunctionRegistry& registry, TypeId type) {
  struct Named {
    const char* name;
    BitOp op;
  };
  for (const Named& entry :
       {Named{"&", BitOp::kAnd}, Named{"|", BitOp::kOr}, Named{"#", BitOp::kXor}}) {
    const BitOp op = entry.op;
    registry.AddScalar(MakeScalar(
        entry.name, {type, type}, type,
        [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
          BinaryExecute<T, T, T>(*args[0], *args[1], result, count,
                                 [op](T a, T b, uint32_t) { return Apply<T>(op, a, b); });
        }));
  }
  for (const Named& entry : {Named{"<<", BitOp::kShiftLeft}, Named{">>", BitOp::kShiftRight}}) {
    const BitOp op = entry.op;
    registry.AddScalar(MakeScalar(
        entry.name, {type, TypeId::kInteger}, type,
        [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
          BinaryExecute<T, int32_t, T>(
              *args[0], *args[1], result, count,
              [op](T a, int32_t b, uint32_t) { return Apply<T>(op, a, b); });
        }));
  }
  registry.AddScalar(
      MakeScalar("~", {type}, type,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   UnaryExecute<T, T>(*args[0], result, count,
                                      [](T a, uint32_t) { return static_cast<T>(~a); });
                 }));
}

}  // namespace

void RegisterBitwiseFunctions(FunctionRegistry& registry) {
  AddBitwise<int16_t>(registry, TypeId::kSmallInt);
  AddBitwise<int32_t>(registry, TypeId::kInteger);
  AddBitwise<int64_t>(registry, TypeId::kBigInt);
}

}  // namespace basin
