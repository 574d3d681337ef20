// src/exec/expression_evaluator.h
#pragma once

#include <cstdint>
#include <vector>

#include "common/batch.h"
#include "exec/expression.h"

namespace basin {

// Evaluates planned expressions over batches. Stateless apart from scratch space:
// one evaluator per thread.
class ExpressionEvaluator {
 public:
  // Evaluates `expr` over the input's rows into `result` (replaced; it may come back
  // constant, or sharing a column of `input`).
  void Evaluate(const Expression& expr, const Batch& input, Vector& result);

  // Writes the rows of `input` where the boolean `predicate` is true into `selection`
  // and returns how many there are.
  uint32_t Select(const Expression& predicate, const Batch& input, std::vector<uint32_t>& selection);

 private:
  void Evaluate(const Expression& expr, const Batch& input, uint32_t count, Vector& result);
  void EvaluateConjunction(const ConjunctionExpr& expr, const Batch& input, uint32_t count,
                           Vector& result);
  void EvaluateCase(const CaseExpr& expr, const Batch& input, uint32_t count, Vector& result);
  void EvaluateInList(const InListExpr& expr, const Batch& input, uint32_t count, Vector& result);
  // Evaluates `expr` on the rows `rows` of `input` only and scatters the values into
  // those rows of `result`.
  void EvaluateOnRows(const Expression& expr, const Batch& input, const std::vector<uint32_t>& rows,
                      Vector& result);
};

// Copies rows sel[0..count) of every column of `input` into a new batch.
Batch SliceBatch(const Batch& input, const uint32_t* sel, uint32_t count);

}  // namespace basin
