// src/exec/operators/join.h
#pragma once

#include <vector>

#include "exec/expression.h"
#include "exec/hashing.h"
#include "exec/physical_node.h"

namespace basin {

enum class JoinType : uint8_t {
  kInner,
  kLeft,
  kRight,
  kFull,
  kSemi,    // probe rows with a match (EXISTS, IN)
  kAnti,    // probe rows without a match (NOT EXISTS)
  kMark,    // every probe row plus a boolean: matched, or NULL where IN would be NULL
  kSingle,  // LEFT join that fails if a probe row matches twice (scalar subqueries)
};
const char* JoinTypeName(JoinType type);

// Joins child 0 (probe side, streamed) with child 1 (build side, materialized).
// Candidate pairs come from a hash table over the equality keys or, without keys,
// from all pairs (a nested-loop join); an optional residual predicate over the
// concatenated [probe, build] columns then decides. Output: probe columns, then
// build columns (inner, outer and single joins), or probe columns only (semi,
// anti), or probe columns and the mark (mark).
class JoinNode : public PhysicalNode, public Sink, public Operator, public Source {
 public:
  struct Key {
    uint32_t probe_column;
    uint32_t build_column;
    bool nulls_equal = false;  // IS NOT DISTINCT FROM
  };

  // `null_aware` (mark joins for IN/ANY/ALL): the mark is NULL when no pair
  // matched but some comparison was unknown.
  JoinNode(JoinType type, std::vector<LogicalType> probe_types, std::vector<LogicalType> build_types,
           std::vector<Key> keys, ExprPtr residual, bool null_aware = false);

  const Sink* AsSink() const override { return this; }
  const Operator* AsOperator() const override { return this; }
  bool IsJoinBuild() const override { return true; }
  const Source* TrailingSource() const override;

  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  // Build side.
  std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Combine(ExecutionContext&, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  // Probe side.
  std::unique_ptr<LocalState> InitOperatorLocal(ExecutionContext&, GlobalState*) const override;
  OperatorResult Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                         LocalState*) const override;
  // Unmatched build rows of RIGHT and FULL joins, after the probe side is done.
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;

  std::string Details() const override;
  JoinType join_type() const { return type_; }

 private:
  struct ProbeState;
  bool EmitsPairs() const;
  void EmitProbeOnlyRows(const Batch& in, ProbeState& local, const GlobalState& global, Batch& out) const;

  JoinType type_;
  std::vector<LogicalType> probe_types_;
  std::vector<LogicalType> build_types_;
  std::vector<Key> keys_;
  ExprPtr residual_;
  bool null_aware_;
  std::vector<RowEqualFunction> key_equal_;  // per key, chosen once by type
};

}  // namespace basin
