// Variance, standard deviation, covariance, correlation and linear regression, over
// double precision, as PostgreSQL's float8 aggregates compute them.
//
// States hold the count N, the sums Sx (and Sy) and the sums of squared (and cross)
// deviations from the mean Sxx, Syy, Sxy, updated with the Youngs-Cramer recurrence
// and merged with the pairwise formula (Chan et al.). Why not sums of squares:
// N*sum(x^2) - sum(x)^2 cancels catastrophically when the mean is large compared with
// the spread; the deviations never do. The recurrences, the checks for overflow and
// the final formulas are PostgreSQL's (float.c), step by step, so that results match
// it to the last bit when rows arrive in the same order.
//
// Only double precision overloads are registered: integers, numerics and reals reach
// them through implicit casts. PostgreSQL returns numeric for integer and numeric
// inputs (computed exactly); Basin returns double precision for all inputs, equal to
// PostgreSQL's result for the input cast to double precision.
#include <cmath>
#include <limits>
#include <string>

#include "common/error.h"
#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::ForValidRows;
using aggregate_state::PhysicalRow;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void ThrowFloatOverflow() {
  throw Error(sqlstate::kNumericOutOfRange, "value out of range: overflow");
}

// float8_pl: a finite sum of finite terms, or an overflow error.
double CheckedAdd(double a, double b) {
  const double sum = a + b;
  if (std::isinf(sum) && !std::isinf(a) && !std::isinf(b)) ThrowFloatOverflow();
  return sum;
}

// ---- one variable: var_pop, var_samp, stddev_pop, stddev_samp ----

struct MomentState {
  double n = 0;
  double sum_x = 0;
  double sxx = 0;  // sum of squared deviations from the mean
};

// float8_accum.
void Accumulate(MomentState& state, double x) {
  const double old_n = state.n;
  const double old_sum_x = state.sum_x;
  state.n += 1.0;
  state.sum_x += x;
  if (old_n > 0.0) {
    const double deviation = x * state.n - state.sum_x;
    state.sxx += deviation * deviation / (state.n * old_n);
    // Overflow is an error only when finite inputs made it; an infinite input makes
    // the spread NaN, never infinite.
    if (std::isinf(state.sum_x) || std::isinf(state.sxx)) {
      if (!std::isinf(old_sum_x) && !std::isinf(x)) ThrowFloatOverflow();
      state.sxx = kNaN;
    }
  } else if (std::isnan(x) || std::isinf(x)) {
    // A lone infinite or NaN input must not report a spread of zero.
    state.sxx = kNaN;
  }
}

// float8_combine.
void Merge(const MomentState& from, MomentState& to) {
  if (from.n == 0.0) return;
  if (to.n == 0.0) {
    to = from;
    return;
  }
  const double n = to.n + from.n;
  const double mean_gap = to.sum_x / to.n - from.sum_x / from.n;
  const double sxx = to.sxx + from.sxx + to.n * from.n * mean_gap * mean_gap / n;
  if (std::isinf(sxx) && !std::isinf(to.sxx) && !std::isinf(from.sxx)) ThrowFloatOverflow();
  to.sum_x = CheckedAdd(to.sum_x, from.sum_x);
  to.sxx = sxx;
  to.n = n;
}

enum class MomentKind { kVarPop, kVarSamp, kStddevPop, kStddevSamp };

// The result, or false for NULL (no rows; one row for the sample statistics).
bool FinishMoment(const MomentState& state, MomentKind kind, double& out) {
  const bool sample = kind == MomentKind::kVarSamp || kind == MomentKind::kStddevSamp;
  if (state.n < (sample ? 2.0 : 1.0)) return false;
  const double variance = state.sxx / (sample ? state.n - 1.0 : state.n);
  const bool root = kind == MomentKind::kStddevPop || kind == MomentKind::kStddevSamp;
  out = root ? std::sqrt(variance) : variance;
  return true;
}

void AddMomentAggregate(FunctionRegistry& registry, const std::string& name, MomentKind kind) {
  AggregateFunction function;
  function.name = name;
  function.arguments = {TypeId::kDouble};
  function.return_type = TypeId::kDouble;
  function.state_size = sizeof(MomentState);
  function.initialize = aggregate_state::Init<MomentState>;
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) {
    const double* values = args[0]->data<double>();
    ForValidRows(*args[0], states, count, [values](uint8_t* state, uint32_t row) {
      Accumulate(At<MomentState>(state), values[row]);
    });
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    Merge(At<MomentState>(source), At<MomentState>(target));
  };
  function.finalize = [kind](uint8_t** states, uint32_t count, Vector& result,
                             const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      if (!FinishMoment(At<MomentState>(states[row]), kind, result.data<double>()[row])) {
        result.SetNull(row);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

// ---- two variables: covariance, correlation, regression of y on x ----

struct CoMomentState {
  double n = 0;
  double sum_x = 0;
  double sxx = 0;
  double sum_y = 0;
  double syy = 0;
  double sxy = 0;
};

// float8_regr_accum.
void Accumulate(CoMomentState& state, double y, double x) {
  const double old_n = state.n;
  const double old_sum_x = state.sum_x;
  const double old_sum_y = state.sum_y;
  state.n += 1.0;
  state.sum_x += x;
  state.sum_y += y;
  if (old_n > 0.0) {
    const double deviation_x = x * state.n - state.sum_x;
    const double deviation_y = y * state.n - state.sum_y;
    const double scale = 1.0 / (state.n * old_n);
    state.sxx += deviation_x * deviation_x * scale;
    state.syy += deviation_y * deviation_y * scale;
    state.sxy += deviation_x * deviation_y * scale;
    if (std::isinf(state.sum_x) || std::isinf(state.sxx) || std::isinf(state.sum_y) ||
        std::isinf(state.syy) || std::isinf(state.sxy)) {
      const bool finite_x = !std::isinf(old_sum_x) && !std::isinf(x);
      const bool finite_y = !std::isinf(old_sum_y) && !std::isinf(y);
      if (((std::isinf(state.sum_x) || std::isinf(state.sxx)) && finite_x) ||
          ((std::isinf(state.sum_y) || std::isinf(state.syy)) && finite_y) ||
          (std::isinf(state.sxy) && finite_x && finite_y)) {
        ThrowFloatOverflow();
      }
      if (std::isinf(state.sxx)) state.sxx = kNaN;
      if (std::isinf(state.syy)) state.syy = kNaN;
      if (std::isinf(state.sxy)) state.sxy = kNaN;
    }
  } else {
    if (std::isnan(x) || std::isinf(x)) state.sxx = state.sxy = kNaN;
    if (std::isnan(y) || std::isinf(y)) state.syy = state.sxy = kNaN;
  }
}

// float8_regr_combine.
void Merge(const CoMomentState& from, CoMomentState& to) {
  if (from.n == 0.0) return;
  if (to.n == 0.0) {
    to = from;
    return;
  }
  const double n = to.n + from.n;
  const double gap_x = to.sum_x / to.n - from.sum_x / from.n;
  const double gap_y = to.sum_y / to.n - from.sum_y / from.n;
  const double weight = to.n * from.n;
  const double sxx = to.sxx + from.sxx + weight * gap_x * gap_x / n;
  if (std::isinf(sxx) && !std::isinf(to.sxx) && !std::isinf(from.sxx)) ThrowFloatOverflow();
  const double syy = to.syy + from.syy + weight * gap_y * gap_y / n;
  if (std::isinf(syy) && !std::isinf(to.syy) && !std::isinf(from.syy)) ThrowFloatOverflow();
  const double sxy = to.sxy + from.sxy + weight * gap_x * gap_y / n;
  if (std::isinf(sxy) && !std::isinf(to.sxy) && !std::isinf(from.sxy)) ThrowFloatOverflow();
  to.sum_x = CheckedAdd(to.sum_x, from.sum_x);
  to.sum_y = CheckedAdd(to.sum_y, from.sum_y);
  to.sxx = sxx;
  to.syy = syy;
  to.sxy = sxy;
  to.n = n;
}

enum class CoMomentKind {
  kCovarPop,
  kCovarSamp,
  kCorr,
  kRegrSlope,
  kRegrIntercept,
  kRegrR2,
  kRegrAvgX,
  kRegrAvgY,
  kRegrSxx,
  kRegrSyy,
  kRegrSxy,
};

// The final functions of float.c (float8_covar_pop ... float8_regr_sxy). Returns
// false for NULL: no rows, one row for covar_samp, and a vertical line (Sxx = 0) for
// the slope-based ones; a horizontal line (Syy = 0) also for corr, while regr_r2
// gives 1 for it, as the SQL standard says.
bool FinishCoMoment(const CoMomentState& state, CoMomentKind kind, double& out) {
  if (state.n < 1.0) return false;
  switch (kind) {
    case CoMomentKind::kCovarPop:
      out = state.sxy / state.n;
      return true;
    case CoMomentKind::kCovarSamp:
      if (state.n < 2.0) return false;
      out = state.sxy / (state.n - 1.0);
      return true;
    case CoMomentKind::kCorr:
      if (state.sxx == 0 || state.syy == 0) return false;
      out = state.sxy / std::sqrt(state.sxx * state.syy);
      return true;
    case CoMomentKind::kRegrSlope:
      if (state.sxx == 0) return false;
      out = state.sxy / state.sxx;
      return true;
    case CoMomentKind::kRegrIntercept:
      if (state.sxx == 0) return false;
      out = (state.sum_y - state.sum_x * state.sxy / state.sxx) / state.n;
      return true;
    case CoMomentKind::kRegrR2:
      if (state.sxx == 0) return false;
      out = state.syy == 0 ? 1.0 : (state.sxy * state.sxy) / (state.sxx * state.syy);
      return true;
    case CoMomentKind::kRegrAvgX:
      out = state.sum_x / state.n;
      return true;
    case CoMomentKind::kRegrAvgY:
      out = state.sum_y / state.n;
      return true;
    case CoMomentKind::kRegrSxx:
      out = state.sxx;
      return true;
    case CoMomentKind::kRegrSyy:
      out = state.syy;
      return true;
    case CoMomentKind::kRegrSxy:
      out = state.sxy;
      return true;
  }
  return false;
}

// Calls `fold(state, y_row, x_row)` for the rows where neither argument is NULL.
template <class Fold>
void ForRowsWithBoth(const Vector& y, const Vector& x, uint8_t** states, uint32_t count,
                     Fold&& fold) {
  for (uint32_t row = 0; row < count; ++row) {
    if (y.IsValid(row) && x.IsValid(row)) {
      fold(states[row], PhysicalRow(y, row), PhysicalRow(x, row));
    }
  }
}

// Both argument vectors of a two-variable aggregate: (y, x), the dependent first.
void UpdateCoMoments(const std::vector<const Vector*>& args, uint8_t** states, uint32_t count) {
  const Vector& y = *args[0];
  const Vector& x = *args[1];
  const double* y_values = y.data<double>();
  const double* x_values = x.data<double>();
  ForRowsWithBoth(y, x, states, count, [&](uint8_t* state, uint32_t y_row, uint32_t x_row) {
    Accumulate(At<CoMomentState>(state), y_values[y_row], x_values[x_row]);
  });
}

void AddCoMomentAggregate(FunctionRegistry& registry, const std::string& name, CoMomentKind kind) {
  AggregateFunction function;
  function.name = name;
  function.arguments = {TypeId::kDouble, TypeId::kDouble};
  function.return_type = TypeId::kDouble;
  function.state_size = sizeof(CoMomentState);
  function.initialize = aggregate_state::Init<CoMomentState>;
  function.ignores_nulls = false;  // a row counts only when both values are present
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) { UpdateCoMoments(args, states, count); };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    Merge(At<CoMomentState>(source), At<CoMomentState>(target));
  };
  function.finalize = [kind](uint8_t** states, uint32_t count, Vector& result,
                             const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      if (!FinishCoMoment(At<CoMomentState>(states[row]), kind, result.data<double>()[row])) {
        result.SetNull(row);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

// regr_count(y, x): the rows where both are present, a bigint; 0 (not NULL) for none.
void AddRegrCount(FunctionRegistry& registry) {
  AggregateFunction function;
  function.name = "regr_count";
  function.arguments = {TypeId::kDouble, TypeId::kDouble};
  function.return_type = TypeId::kBigInt;
  function.state_size = sizeof(int64_t);
  function.initialize = aggregate_state::Init<int64_t>;
  function.ignores_nulls = false;
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) {
    ForRowsWithBoth(*args[0], *args[1], states, count,
                    [](uint8_t* state, uint32_t, uint32_t) { ++At<int64_t>(state); });
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    At<int64_t>(target) += At<int64_t>(source);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row)
      result.data<int64_t>()[row] = At<int64_t>(states[row]);
  };
  registry.AddAggregate(std::move(function));
}

}  // namespace

void RegisterStatisticsAggregates(FunctionRegistry& registry) {
  AddMomentAggregate(registry, "var_pop", MomentKind::kVarPop);
  AddMomentAggregate(registry, "var_samp", MomentKind::kVarSamp);
  AddMomentAggregate(registry, "variance", MomentKind::kVarSamp);
  AddMomentAggregate(registry, "stddev_pop", MomentKind::kStddevPop);
  AddMomentAggregate(registry, "stddev_samp", MomentKind::kStddevSamp);
  AddMomentAggregate(registry, "stddev", MomentKind::kStddevSamp);

  AddCoMomentAggregate(registry, "covar_pop", CoMomentKind::kCovarPop);
  AddCoMomentAggregate(registry, "covar_samp", CoMomentKind::kCovarSamp);
  AddCoMomentAggregate(registry, "corr", CoMomentKind::kCorr);
  AddCoMomentAggregate(registry, "regr_slope", CoMomentKind::kRegrSlope);
  AddCoMomentAggregate(registry, "regr_intercept", CoMomentKind::kRegrIntercept);
  AddCoMomentAggregate(registry, "regr_r2", CoMomentKind::kRegrR2);
  AddCoMomentAggregate(registry, "regr_avgx", CoMomentKind::kRegrAvgX);
  AddCoMomentAggregate(registry, "regr_avgy", CoMomentKind::kRegrAvgY);
  AddCoMomentAggregate(registry, "regr_sxx", CoMomentKind::kRegrSxx);
  AddCoMomentAggregate(registry, "regr_syy", CoMomentKind::kRegrSyy);
  AddCoMomentAggregate(registry, "regr_sxy", CoMomentKind::kRegrSxy);
  AddRegrCount(registry);
}

}  // namespace basin
