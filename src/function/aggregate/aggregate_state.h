// src/function/aggregate/aggregate_state.h
// What the aggregates of this folder share: typed access to the untyped state bytes
// the engine hands them, and the row loops over possibly constant, possibly NULL
// argument vectors.
#pragma once

#include <cstdint>
#include <new>

#include "common/vector.h"

namespace basin::aggregate_state {

// States are raw bytes (in hash-table rows, 16-byte aligned); each aggregate
// placement-constructs its State there in `initialize`.
template <class State>
void Init(uint8_t* state) {
  new (state) State();
}

template <class State>
State& At(uint8_t* state) {
  return *std::launder(reinterpret_cast<State*>(state));
}

template <class State>
const State& At(const uint8_t* state) {
  return *std::launder(reinterpret_cast<const State*>(state));
}

// The physical row holding row `row` of `vector` (row 0 for a constant vector).
inline uint32_t PhysicalRow(const Vector& vector, uint32_t row) {
  return vector.is_constant() ? 0 : row;
}

// Runs `fold(state, physical_row)` for rows [0, count) whose value in `input` is not NULL.
template <class Fold>
void ForValidRows(const Vector& input, uint8_t** states, uint32_t count, Fold&& fold) {
  if (input.is_constant()) {
    if (!input.IsValid(0)) return;
    for (uint32_t row = 0; row < count; ++row) fold(states[row], 0);
    return;
  }
  if (input.validity().AllValid()) {
    for (uint32_t row = 0; row < count; ++row) fold(states[row], row);
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    if (input.validity().IsValid(row)) fold(states[row], row);
  }
}

}  // namespace basin::aggregate_state
