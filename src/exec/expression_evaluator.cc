#include "exec/expression_evaluator.h"

#include "common/error.h"
#include "function/cast.h"
#include "function/comparison.h"

namespace basin {

Batch SliceBatch(const Batch& input, const uint32_t* sel, uint32_t count) {
  Batch slice;
  slice.columns.reserve(input.columns.size());
  for (const auto& column : input.columns) {
    slice.columns.emplace_back(column.type(), count == 0 ? 1 : count);
    CopyRows(column, sel, count, slice.columns.back(), 0);
  }
  slice.size = count;
  return slice;
}

void ExpressionEvaluator::Evaluate(const Expression& expr, const Batch& input, Vector& result) {
  Evaluate(expr, input, input.size, result);
}

uint32_t ExpressionEvaluator::Select(const Expression& predicate, const Batch& input,
                                     std::vector<uint32_t>& selection) {
  Vector mask;
  Evaluate(predicate, input, input.size, mask);
  selection.resize(input.size);
  const bool* values = mask.data<bool>();
  uint32_t selected = 0;
  if (mask.is_constant()) {
    if (!mask.IsValid(0) || !values[0]) return 0;
    for (uint32_t row = 0; row < input.size; ++row) selection[row] = row;
    return input.size;
  }
  if (mask.validity().AllValid()) {
    for (uint32_t row = 0; row < input.size; ++row) {
      selection[selected] = row;
      selected += values[row] ? 1 : 0;
    }
  } else {
    for (uint32_t row = 0; row < input.size; ++row) {
      selection[selected] = row;
      selected += (values[row] && mask.validity().IsValid(row)) ? 1 : 0;
    }
  }
  return selected;
}

void ExpressionEvaluator::Evaluate(const Expression& expr, const Batch& input, uint32_t count,
                                   Vector& result) {
  switch (expr.kind) {
    case ExprKind::kConstant: {
      result = Vector(expr.type, 1);
      result.SetValue(0, expr.As<ConstantExpr>().value);
      result.SetConstant(true);
      return;
    }
    case ExprKind::kColumnRef:
      result.Reference(input.columns[expr.As<ColumnRefExpr>().index]);
      return;
    case ExprKind::kFunction: {
      const auto& function = expr.As<FunctionExpr>();
      std::vector<Vector> arg_values(function.args.size());
      std::vector<const Vector*> args;
      bool all_constant = true;
      for (size_t i = 0; i < function.args.size(); ++i) {
        Evaluate(*function.args[i], input, count, arg_values[i]);
        args.push_back(&arg_values[i]);
        all_constant = all_constant && arg_values[i].is_constant();
      }
      const bool fold = all_constant && function.function->volatility != Volatility::kVolatile;
      result = Vector(expr.type, fold ? 1 : (count == 0 ? 1 : count));
      function.function->kernel(args, fold ? 1 : count, function.data.get(), result);
      if (fold) result.SetConstant(true);
      return;
    }
    case ExprKind::kCast: {
      const auto& cast = expr.As<CastExpr>();
      Vector source;
      Evaluate(*cast.child, input, count, source);
      if (source.type() == expr.type) {
        result = std::move(source);
        return;
      }
      result = Vector(expr.type, source.is_constant() ? 1 : (count == 0 ? 1 : count));
      CastVector(source, result, source.is_constant() ? 1 : count, cast.mode, *cast.time_zone);
      if (source.is_constant()) result.SetConstant(true);
      return;
    }
    case ExprKind::kComparison: {
      const auto& comparison = expr.As<ComparisonExpr>();
      Vector left;
      Vector right;
      Evaluate(*comparison.left, input, count, left);
      Evaluate(*comparison.right, input, count, right);
      const bool constant = left.is_constant() && right.is_constant();
      result = Vector(TypeId::kBoolean, constant ? 1 : (count == 0 ? 1 : count));
      CompareVectors(comparison.op, left, right, constant ? 1 : count, result);
      if (constant) result.SetConstant(true);
      return;
    }
    case ExprKind::kConjunction:
      return EvaluateConjunction(expr.As<ConjunctionExpr>(), input, count, result);
    case ExprKind::kNot: {
      Vector child;
      Evaluate(*expr.As<NotExpr>().child, input, count, child);
      const uint32_t rows = child.is_constant() ? 1 : count;
      result = Vector(TypeId::kBoolean, rows == 0 ? 1 : rows);
      const bool* in = child.data<bool>();
      bool* out = result.data<bool>();
      for (uint32_t row = 0; row < rows; ++row) {
        out[row] = !in[row];
        if (!child.validity().IsValid(row)) result.SetNull(row);
      }
      result.SetConstant(child.is_constant());
      return;
    }
    case ExprKind::kIsNull: {
      const auto& is_null = expr.As<IsNullExpr>();
      Vector child;
      Evaluate(*is_null.child, input, count, child);
      const uint32_t rows = child.is_constant() ? 1 : count;
      result = Vector(TypeId::kBoolean, rows == 0 ? 1 : rows);
      bool* out = result.data<bool>();
      for (uint32_t row = 0; row < rows; ++row) {
        out[row] = child.validity().IsValid(row) == is_null.negated;
      }
      result.SetConstant(child.is_constant());
      return;
    }
    case ExprKind::kCase:
      return EvaluateCase(expr.As<CaseExpr>(), input, count, result);
    case ExprKind::kInList:
      return EvaluateInList(expr.As<InListExpr>(), input, count, result);
    case ExprKind::kSubquery:
      break;
  }
  throw Error(sqlstate::kInternal, "cannot evaluate expression " + expr.ToString());
}

void ExpressionEvaluator::EvaluateOnRows(const Expression& expr, const Batch& input,
                                         const std::vector<uint32_t>& rows, Vector& result) {
  if (rows.empty()) return;
  Vector values;
  if (rows.size() == input.size) {
    Evaluate(expr, input, input.size, values);
    values.Flatten(input.size);
    CopyRows(values, nullptr, input.size, result, 0);
    return;
  }
  Batch slice = SliceBatch(input, rows.data(), static_cast<uint32_t>(rows.size()));
  Evaluate(expr, slice, slice.size, values);
  values.Flatten(slice.size);
  // Scatter: row i of `values` goes to row rows[i] of `result`.
  for (uint32_t i = 0; i < slice.size; ++i) {
    const uint32_t index = i;
    CopyRows(values, &index, 1, result, rows[i]);
  }
}

namespace {

// Whether evaluating `expr` can raise an error (a division by zero, a bad cast).
// Conjunctions evaluate such children only on the rows earlier children left
// undecided; the others run on the whole batch, which is much cheaper than slicing.
bool CanRaise(const Expression& expr) {
  switch (expr.kind) {
    case ExprKind::kConstant:
    case ExprKind::kColumnRef:
      return false;
    case ExprKind::kComparison:
    case ExprKind::kConjunction:
    case ExprKind::kNot:
    case ExprKind::kIsNull:
    case ExprKind::kInList: {
      bool can_raise = false;
      for (ExprPtr* child : const_cast<Expression&>(expr).Children()) can_raise = can_raise || CanRaise(**child);
      return can_raise;
    }
    default:
      return true;
  }
}

// Three-valued AND/OR of `value` into `state` (0 false, 1 true, 2 NULL) for all rows.
// `state_has_null` says whether any row of `state` may be 2; it is updated.
void CombineTruth(bool is_and, const Vector& value, uint32_t count, std::vector<uint8_t>& state,
                  bool& state_has_null) {
  const bool* values = value.data<bool>();
  const bool constant = value.is_constant();
  if (!constant && !state_has_null && value.validity().AllValid()) {
    // Two-valued: a plain, vectorizable AND / OR of bytes.
    uint8_t* truth = state.data();
    const uint8_t* bytes = reinterpret_cast<const uint8_t*>(values);
    if (is_and) {
      for (uint32_t row = 0; row < count; ++row) truth[row] &= bytes[row];
    } else {
      for (uint32_t row = 0; row < count; ++row) truth[row] |= bytes[row];
    }
    return;
  }
  state_has_null = true;
  for (uint32_t row = 0; row < count; ++row) {
    const uint32_t index = constant ? 0 : row;
    const uint8_t v = value.validity().IsValid(index) ? (values[index] ? 1 : 0) : 2;
    uint8_t& s = state[row];
    if (is_and) {
      s = (s == 0 || v == 0) ? 0 : (s == 2 || v == 2) ? 2 : 1;
    } else {
      s = (s == 1 || v == 1) ? 1 : (s == 2 || v == 2) ? 2 : 0;
    }
  }
}

}  // namespace

void ExpressionEvaluator::EvaluateConjunction(const ConjunctionExpr& expr, const Batch& input,
                                              uint32_t count, Vector& result) {
  bool all_safe = true;
  for (const auto& child : expr.children) all_safe = all_safe && !CanRaise(*child);
  if (all_safe) {
    std::vector<uint8_t> state(count, expr.is_and ? 1 : 0);
    bool state_has_null = false;
    for (const auto& child : expr.children) {
      Vector value;
      Evaluate(*child, input, count, value);
      CombineTruth(expr.is_and, value, count, state, state_has_null);
    }
    result = Vector(TypeId::kBoolean, count == 0 ? 1 : count);
    bool* out = result.data<bool>();
    for (uint32_t row = 0; row < count; ++row) {
      out[row] = state[row] == 1;
      if (state[row] == 2) result.SetNull(row);
    }
    return;
  }
  // Three-valued logic. For AND, a false row is decided; for OR, a true one.
  // `state`: 0 = false, 1 = true, 2 = NULL.
  const bool decided_value = !expr.is_and;
  std::vector<uint8_t> state(count, expr.is_and ? 1 : 0);
  std::vector<uint32_t> undecided(count);
  for (uint32_t row = 0; row < count; ++row) undecided[row] = row;
  for (const auto& child : expr.children) {
    if (undecided.empty()) break;
    Vector values(TypeId::kBoolean, count == 0 ? 1 : count);
    EvaluateOnRows(*child, input, undecided, values);
    std::vector<uint32_t> still_undecided;
    still_undecided.reserve(undecided.size());
    for (uint32_t row : undecided) {
      if (!values.validity().IsValid(row)) {
        state[row] = 2;
        still_undecided.push_back(row);
      } else if (values.data<bool>()[row] == decided_value) {
        state[row] = decided_value ? 1 : 0;
      } else {
        still_undecided.push_back(row);
      }
    }
    undecided = std::move(still_undecided);
  }
  result = Vector(TypeId::kBoolean, count == 0 ? 1 : count);
  bool* out = result.data<bool>();
  for (uint32_t row = 0; row < count; ++row) {
    out[row] = state[row] == 1;
    if (state[row] == 2) result.SetNull(row);
  }
}

void ExpressionEvaluator::EvaluateCase(const CaseExpr& expr, const Batch& input, uint32_t count,
                                       Vector& result) {
  result = Vector(expr.type, count == 0 ? 1 : count);
  std::vector<uint32_t> remaining(count);
  for (uint32_t row = 0; row < count; ++row) remaining[row] = row;
  for (const auto& when : expr.whens) {
    if (remaining.empty()) return;
    Vector condition(TypeId::kBoolean, count == 0 ? 1 : count);
    EvaluateOnRows(*when.condition, input, remaining, condition);
    std::vector<uint32_t> matched;
    std::vector<uint32_t> unmatched;
    for (uint32_t row : remaining) {
      const bool hit = condition.validity().IsValid(row) && condition.data<bool>()[row];
      (hit ? matched : unmatched).push_back(row);
    }
    EvaluateOnRows(*when.result, input, matched, result);
    remaining = std::move(unmatched);
  }
  EvaluateOnRows(*expr.else_result, input, remaining, result);
}

void ExpressionEvaluator::EvaluateInList(const InListExpr& expr, const Batch& input,
                                         uint32_t count, Vector& result) {
  // x IN (a, b, ...) is x = a OR x = b OR ...: true if any item matches, NULL if
  // none does but x or an item is NULL, false otherwise.
  Vector probe;
  Evaluate(*expr.child, input, count, probe);
  std::vector<uint8_t> state(count, 0);  // 0 false, 1 true, 2 NULL
  Vector matches(TypeId::kBoolean, count == 0 ? 1 : count);
  for (const auto& item : expr.items) {
    Vector value;
    Evaluate(*item, input, count, value);
    matches.Reset();
    CompareVectors(CompareOp::kEq, probe, value, count, matches);
    for (uint32_t row = 0; row < count; ++row) {
      if (state[row] == 1) continue;
      if (!matches.validity().IsValid(row)) {
        state[row] = 2;
      } else if (matches.data<bool>()[row]) {
        state[row] = 1;
      }
    }
  }
  result = Vector(TypeId::kBoolean, count == 0 ? 1 : count);
  bool* out = result.data<bool>();
  for (uint32_t row = 0; row < count; ++row) {
    if (state[row] == 2) {
      result.SetNull(row);
      out[row] = false;
    } else {
      out[row] = (state[row] == 1) != expr.negated;
    }
  }
}

}  // namespace basin
