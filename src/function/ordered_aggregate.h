// src/function/ordered_aggregate.h
#pragma once

#include <memory>
#include <vector>

#include "exec/sort_key.h"
#include "function/aggregate_function.h"

namespace basin {

// agg(x ORDER BY y) and agg(f) WITHIN GROUP (ORDER BY x): wraps `inner` so that each
// group keeps its rows (sort key and argument values) and feeds them to `inner` in
// key order when it is finalized. The wrapper's arguments are inner's `num_args`
// arguments followed by one column per entry of `orders` (whose `column` fields
// are ignored). With `distinct`, rows whose arguments equal an earlier row's
// (NULL equal to NULL) are fed once: agg(DISTINCT x ORDER BY x), where the sort keys
// are among the arguments, so equal rows sort next to each other.
std::shared_ptr<const AggregateFunction> MakeOrderedAggregate(std::shared_ptr<const AggregateFunction> inner,
                                                              uint32_t num_args, std::vector<SortKeySpec> orders,
                                                              bool distinct = false);

}  // namespace basin
