// Arithmetic operators (+ - * / % and unary minus) for integers, floating point and
// decimals, with PostgreSQL's errors: overflow and division by zero never wrap or
// produce infinities silently.
#include <cmath>

#include "common/error.h"
#include "function/decimal_access.h"
#include "function/function_registry.h"
#include "function/kernel_executor.h"

namespace basin {

namespace {

enum class ArithmeticOp { kAdd, kSubtract, kMultiply, kDivide, kModulo };

const char* OpName(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd:
      return "+";
    case ArithmeticOp::kSubtract:
      return "-";
    case ArithmeticOp::kMultiply:
      return "*";
    case ArithmeticOp::kDivide:
      return "/";
    case ArithmeticOp::kModulo:
      return "%";
  }
  return "?";
}

template <class T>
const char* OutOfRangeMessage() {
  if constexpr (sizeof(T) == 2) return "smallint out of range";
  if constexpr (sizeof(T) == 4) return "integer out of range";
  return "bigint out of range";
}

template <class T>
T IntegerOp(ArithmeticOp op, T a, T b) {
  T result;
  switch (op) {
    case ArithmeticOp::kAdd:
      if (__builtin_add_overflow(a, b, &result)) break;
      return result;
    case ArithmeticOp::kSubtract:
      if (__builtin_sub_overflow(a, b, &result)) break;
      return result;
    case ArithmeticOp::kMultiply:
      if (__builtin_mul_overflow(a, b, &result)) break;
      return result;
    case ArithmeticOp::kDivide:
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      if (b == -1) {
        if (__builtin_sub_overflow(T{0}, a, &result)) break;  // MIN / -1
        return result;
      }
      return static_cast<T>(a / b);
    case ArithmeticOp::kModulo:
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      if (b == -1) return 0;  // MIN % -1 would trap
      return static_cast<T>(a % b);
  }
  throw Error(sqlstate::kNumericOutOfRange, OutOfRangeMessage<T>());
}

template <class T>
void AddIntegerOperator(FunctionRegistry& registry, ArithmeticOp op, TypeId type) {
  ScalarFunction function;
  function.name = OpName(op);
  function.arguments = {type, type};
  function.return_type = type;
  function.kernel = [op](const std::vector<const Vector*>& args, uint32_t count, const FunctionData*,
                         Vector& result) {
    BinaryExecute<T, T, T>(*args[0], *args[1], result, count,
                           [op](T a, T b, uint32_t) { return IntegerOp<T>(op, a, b); });
  };
  registry.AddScalar(std::move(function));
}

template <class T>
T FloatOp(ArithmeticOp op, T a, T b) {
  T result = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      result = a + b;
      break;
    case ArithmeticOp::kSubtract:
      result = a - b;
      break;
    case ArithmeticOp::kMultiply:
      result = a * b;
      break;
    case ArithmeticOp::kDivide:
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      result = a / b;
      break;
    case ArithmeticOp::kModulo:
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      result = std::fmod(a, b);
      break;
  }
  if (std::isinf(result) && !std::isinf(a) && !std::isinf(b)) {
    throw Error(sqlstate::kNumericOutOfRange, "value out of range: overflow");
  }
  return result;
}

template <class T>
void AddFloatOperator(FunctionRegistry& registry, ArithmeticOp op, TypeId type) {
  ScalarFunction function;
  function.name = OpName(op);
  function.arguments = {type, type};
  function.return_type = type;
  function.kernel = [op](const std::vector<const Vector*>& args, uint32_t count, const FunctionData*,
                         Vector& result) {
    BinaryExecute<T, T, T>(*args[0], *args[1], result, count,
                           [op](T a, T b, uint32_t) { return FloatOp<T>(op, a, b); });
  };
  registry.AddScalar(std::move(function));
}

// Decimal operators carry the input scales and the rescaling each side needs.
struct DecimalOpData : FunctionData {
  int128_t left_multiplier = 1;   // brings the left operand to the working scale
  int128_t right_multiplier = 1;
  int128_t limit = 0;             // 10^precision of the result
  // Products whose scale would pass 36 digits: the operands are rounded first.
  int128_t left_divisor = 1;
  int128_t right_divisor = 1;
};

[[noreturn]] void DecimalOverflow() {
  throw Error(sqlstate::kNumericOutOfRange, "numeric field overflow");
}

int128_t CheckedMultiply(int128_t a, int128_t b) {
  int128_t result;
  if (__builtin_mul_overflow(a, b, &result)) DecimalOverflow();
  return result;
}

// Division rounds half away from zero, as PostgreSQL's numeric does.
int128_t RoundedDivide(int128_t dividend, int128_t divisor) {
  if (divisor == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
  int128_t quotient = dividend / divisor;
  int128_t remainder = dividend % divisor;
  if (remainder < 0) remainder = -remainder;
  const int128_t half_check = divisor < 0 ? -divisor : divisor;
  if (remainder * 2 >= half_check) quotient += ((dividend < 0) != (divisor < 0)) ? -1 : 1;
  return quotient;
}

template <ArithmeticOp op>
int128_t DecimalOp(const DecimalOpData& data, int128_t a, int128_t b) {
  int128_t result = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
    case ArithmeticOp::kSubtract: {
      const int128_t left = CheckedMultiply(a, data.left_multiplier);
      const int128_t right = CheckedMultiply(b, data.right_multiplier);
      const bool overflow = op == ArithmeticOp::kAdd ? __builtin_add_overflow(left, right, &result)
                                                     : __builtin_sub_overflow(left, right, &result);
      if (overflow) DecimalOverflow();
      break;
    }
    case ArithmeticOp::kMultiply:
      if (data.left_divisor != 1) a = RoundedDivide(a, data.left_divisor);
      if (data.right_divisor != 1) b = RoundedDivide(b, data.right_divisor);
      result = CheckedMultiply(a, b);
      break;
    case ArithmeticOp::kDivide:
      // result scale s: a * 10^(s - s1 + s2) / b.
      if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      result = RoundedDivide(CheckedMultiply(a, data.left_multiplier), b);
      break;
    case ArithmeticOp::kModulo: {
      const int128_t left = CheckedMultiply(a, data.left_multiplier);
      const int128_t right = CheckedMultiply(b, data.right_multiplier);
      if (right == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
      result = left % right;
      break;
    }
  }
  if (result >= data.limit || result <= -data.limit) DecimalOverflow();
  return result;
}

// Reads a decimal of physical type T (mixed widths read through ReadDecimal).
template <class T>
int128_t DecimalAt(const Vector& vector, uint32_t row) {
  if constexpr (std::is_same_v<T, int64_t>) {
    return vector.data<int64_t>()[vector.is_constant() ? 0 : row];
  } else {
    return ReadDecimal(vector, row);
  }
}

template <class Left, class Right, class Out, ArithmeticOp op>
void DecimalLoop(const DecimalOpData& data, const Vector& left, const Vector& right, uint32_t count, Vector& result) {
  Out* out = result.data<Out>();
  const bool all_valid = left.validity().AllValid() && right.validity().AllValid();
  for (uint32_t row = 0; row < count; ++row) {
    if (!all_valid && (!left.IsValid(row) || !right.IsValid(row))) {
      result.SetNull(row);
      continue;
    }
    out[row] = static_cast<Out>(DecimalOp<op>(data, DecimalAt<Left>(left, row), DecimalAt<Right>(right, row)));
  }
}

uint8_t ClampPrecision(int precision) {
  return static_cast<uint8_t>(precision > kMaxDecimalPrecision ? kMaxDecimalPrecision : precision);
}

// PostgreSQL's numeric division keeps at least 16 significant digits; with fixed
// scales we keep 16 fractional digits (or more if an input has more).
constexpr int kMinDivisionScale = 16;

void AddDecimalOperator(FunctionRegistry& registry, ArithmeticOp op) {
  ScalarFunction function;
  function.name = OpName(op);
  function.arguments = {LogicalType::Decimal(0, 0), LogicalType::Decimal(0, 0)};
  function.return_type = LogicalType::Decimal(0, 0);
  function.bind = [op](std::vector<LogicalType>& types, LogicalType& return_type) {
    const int p1 = types[0].precision(), s1 = types[0].scale();
    const int p2 = types[1].precision(), s2 = types[1].scale();
    auto data = std::make_unique<DecimalOpData>();
    int scale = 0;
    int precision = 0;
    switch (op) {
      case ArithmeticOp::kAdd:
      case ArithmeticOp::kSubtract:
      case ArithmeticOp::kModulo:
        scale = std::max(s1, s2);
        precision = std::max(p1 - s1, p2 - s2) + scale + 1;
        data->left_multiplier = PowerOfTen(scale - s1);
        data->right_multiplier = PowerOfTen(scale - s2);
        break;
      case ArithmeticOp::kMultiply:
        scale = s1 + s2;
        precision = p1 + p2;
        if (scale > kMaxDecimalPrecision - 2) {
          // Keep the larger input scale (at least 16 digits, as division does)
          // rather than fail: the product is rounded to it.
          const int kept = std::min(kMaxDecimalPrecision - 2, std::max({s1, s2, kMinDivisionScale}));
          const int excess = scale - kept;
          // Round the operand with more fractional digits down to the other's
          // scale first, then both by half of what is left.
          const int gap = std::min(excess, std::abs(s1 - s2));
          int from_left = s1 > s2 ? gap : 0;
          int from_right = s2 > s1 ? gap : 0;
          from_left += (excess - gap) / 2;
          from_right += excess - gap - (excess - gap) / 2;
          data->left_divisor = PowerOfTen(from_left);
          data->right_divisor = PowerOfTen(from_right);
          precision -= excess;
          scale = kept;
        }
        break;
      case ArithmeticOp::kDivide:
        scale = std::max({kMinDivisionScale, s1, s2});
        precision = kMaxDecimalPrecision;
        data->left_multiplier = PowerOfTen(scale - s1 + s2);
        break;
    }
    return_type = LogicalType::Decimal(ClampPrecision(precision), static_cast<uint8_t>(scale));
    data->limit = DecimalLimit(return_type.precision());
    return std::unique_ptr<FunctionData>(std::move(data));
  };
  function.kernel = [op](const std::vector<const Vector*>& args, uint32_t count,
                         const FunctionData* data, Vector& result) {
    const auto& op_data = static_cast<const DecimalOpData&>(*data);
    // One loop per combination of physical widths, chosen once per batch.
    const bool wide_left = args[0]->type().IsWideDecimal();
    const bool wide_right = args[1]->type().IsWideDecimal();
    const bool wide_result = result.type().IsWideDecimal();
    auto run = [&]<ArithmeticOp kOp>() {
      if (!wide_left && !wide_right && !wide_result) {
        DecimalLoop<int64_t, int64_t, int64_t, kOp>(op_data, *args[0], *args[1], count, result);
      } else if (!wide_left && !wide_right) {
        DecimalLoop<int64_t, int64_t, int128_t, kOp>(op_data, *args[0], *args[1], count, result);
      } else if (!wide_result) {
        DecimalLoop<int128_t, int128_t, int64_t, kOp>(op_data, *args[0], *args[1], count, result);
      } else {
        DecimalLoop<int128_t, int128_t, int128_t, kOp>(op_data, *args[0], *args[1], count, result);
      }
    };
    switch (op) {
      case ArithmeticOp::kAdd:
        return run.template operator()<ArithmeticOp::kAdd>();
      case ArithmeticOp::kSubtract:
        return run.template operator()<ArithmeticOp::kSubtract>();
      case ArithmeticOp::kMultiply:
        return run.template operator()<ArithmeticOp::kMultiply>();
      case ArithmeticOp::kDivide:
        return run.template operator()<ArithmeticOp::kDivide>();
      case ArithmeticOp::kModulo:
        return run.template operator()<ArithmeticOp::kModulo>();
    }
  };
  registry.AddScalar(std::move(function));
}

template <class T>
void AddNegate(FunctionRegistry& registry, TypeId type) {
  ScalarFunction function;
  function.name = "-";
  function.arguments = {type};
  function.return_type = type;
  function.kernel = [](const std::vector<const Vector*>& args, uint32_t count, const FunctionData*,
                       Vector& result) {
    UnaryExecute<T, T>(*args[0], result, count, [](T value, uint32_t) -> T {
      if constexpr (std::is_integral_v<T>) {
        T negated;
        if (__builtin_sub_overflow(T{0}, value, &negated)) {
          throw Error(sqlstate::kNumericOutOfRange, OutOfRangeMessage<T>());
        }
        return negated;
      } else {
        return -value;
      }
    });
  };
  registry.AddScalar(std::move(function));
}

void AddDecimalNegate(FunctionRegistry& registry) {
  ScalarFunction function;
  function.name = "-";
  function.arguments = {LogicalType::Decimal(0, 0)};
  function.return_type = LogicalType::Decimal(0, 0);
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) {
    return_type = types[0];
    return std::unique_ptr<FunctionData>();
  };
  function.kernel = [](const std::vector<const Vector*>& args, uint32_t count, const FunctionData*,
                       Vector& result) {
    for (uint32_t row = 0; row < count; ++row) {
      if (!args[0]->IsValid(row)) {
        result.SetNull(row);
        continue;
      }
      WriteDecimal(result, row, -ReadDecimal(*args[0], row));
    }
  };
  registry.AddScalar(std::move(function));
}

}  // namespace

void RegisterArithmeticFunctions(FunctionRegistry& registry) {
  for (ArithmeticOp op : {ArithmeticOp::kAdd, ArithmeticOp::kSubtract, ArithmeticOp::kMultiply,
                          ArithmeticOp::kDivide, ArithmeticOp::kModulo}) {
    AddIntegerOperator<int16_t>(registry, op, TypeId::kSmallInt);
    AddIntegerOperator<int32_t>(registry, op, TypeId::kInteger);
    AddIntegerOperator<int64_t>(registry, op, TypeId::kBigInt);
    AddFloatOperator<float>(registry, op, TypeId::kReal);
    AddFloatOperator<double>(registry, op, TypeId::kDouble);
    AddDecimalOperator(registry, op);
  }
  AddNegate<int16_t>(registry, TypeId::kSmallInt);
  AddNegate<int32_t>(registry, TypeId::kInteger);
  AddNegate<int64_t>(registry, TypeId::kBigInt);
  AddNegate<float>(registry, TypeId::kReal);
  AddNegate<double>(registry, TypeId::kDouble);
  AddDecimalNegate(registry);
}

}  // namespace basin
