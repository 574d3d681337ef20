// src/function/distinct_aggregate.h
#pragma once

#include <memory>

#include "function/aggregate_function.h"

namespace basin {

// agg(DISTINCT x): wraps `inner` so that each group remembers the distinct values
// it saw and feeds them to `inner` once, when the group is finalized.
std::shared_ptr<const AggregateFunction> MakeDistinctAggregate(std::shared_ptr<const AggregateFunction> inner);

}  // namespace basin
