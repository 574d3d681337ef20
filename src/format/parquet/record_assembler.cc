#include "format/parquet/record_assembler.h"

#include <numeric>

#include "common/error.h"

namespace basin::parquet {

namespace {

[[noreturn]] void Inconsistent(const ParquetField& field, const char* what) {
  throw Error(sqlstate::kDataCorrupted, "Parquet column \"" + field.name + "\": " + what);
}

// Whether any leaf under `field` repeats within it (a list somewhere below).
bool HasRepeatedBelow(const ParquetField& field) {
  if (field.kind == ParquetField::Kind::kList || field.kind == ParquetField::Kind::kMap) return true;
  for (const ParquetField& child : field.children) {
    if (HasRepeatedBelow(child)) return true;
  }
  return false;
}

}  // namespace

LeafEntries& RecordAssembler::FirstLeaf(const ParquetField& field) {
  const ParquetField* node = &field;
  while (node->kind != ParquetField::Kind::kLeaf) node = &node->children.front();
  LeafEntries& leaf = leaves_[static_cast<size_t>(node->leaf_index)];
  if (leaf.position >= leaf.def.size()) Inconsistent(field, "a leaf column has fewer entries than its parent needs");
  return leaf;
}

void RecordAssembler::SkipEntry(const ParquetField& field) {
  if (field.kind == ParquetField::Kind::kLeaf) {
    ++leaves_[static_cast<size_t>(field.leaf_index)].position;
    return;
  }
  for (const ParquetField& child : field.children) SkipEntry(child);
}

void RecordAssembler::Assemble(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset) {
  switch (field.kind) {
    case ParquetField::Kind::kLeaf:
      return AssembleLeaf(field, count, out, offset);
    case ParquetField::Kind::kStruct:
      return AssembleStruct(field, count, out, offset);
    case ParquetField::Kind::kList:
    case ParquetField::Kind::kMap:
      return AssembleList(field, count, out, offset);
  }
}

void RecordAssembler::AssembleLeaf(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset) {
  LeafEntries& leaf = leaves_[static_cast<size_t>(field.leaf_index)];
  if (leaf.position + count > leaf.def.size()) Inconsistent(field, "a leaf column has fewer entries than its parent needs");
  std::vector<uint32_t> rows(count);
  std::iota(rows.begin(), rows.end(), static_cast<uint32_t>(leaf.position));
  CopyRows(leaf.values, rows.data(), count, out, offset);
  leaf.position += count;
}

void RecordAssembler::AssembleStruct(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset) {
  if (!HasRepeatedBelow(field)) {
    // One entry per value in every leaf: validity from the first leaf, children whole.
    const LeafEntries& first = FirstLeaf(field);
    if (first.position + count > first.def.size()) Inconsistent(field, "a leaf column has fewer entries than its parent needs");
    for (uint32_t i = 0; i < count; ++i) {
      out.validity().Set(offset + i, first.def[first.position + i] >= field.def_level, out.capacity());
    }
    for (size_t c = 0; c < field.children.size(); ++c) Assemble(field.children[c], count, out.child(c), offset);
    return;
  }
  for (uint32_t i = 0; i < count; ++i) {
    const LeafEntries& first = FirstLeaf(field);
    out.validity().Set(offset + i, first.def[first.position] >= field.def_level, out.capacity());
    for (size_t c = 0; c < field.children.size(); ++c) Assemble(field.children[c], 1, out.child(c), offset + i);
  }
}

void RecordAssembler::AssembleList(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset) {
  const ParquetField& element = field.children.front();
  for (uint32_t i = 0; i < count; ++i) {
    const LeafEntries& first = FirstLeaf(field);
    const uint16_t def = first.def[first.position];
    // A value starts where an enclosing field's value (or the record) does: its
    // repetition level is at most the list's own.
    if (!first.rep.empty() && first.rep[first.position] > field.rep_level) {
      Inconsistent(field, "a list value starts with a repetition level that continues another value");
    }
    if (def < field.element_def_level) {
      // NULL below the list's own level, else empty: one entry either way.
      out.validity().Set(offset + i, def >= field.def_level, out.capacity());
      out.data<ListEntry>()[offset + i] = ListEntry{out.list_size(), 0};
      SkipEntry(field);
      continue;
    }
    // One element per entry at the element's repetition level, up to the next value
    // of an enclosing field.
    uint32_t elements = 1;
    for (size_t j = first.position + 1; j < first.rep.size() && first.rep[j] >= field.element_rep_level; ++j) {
      elements += first.rep[j] == field.element_rep_level;
    }
    const uint32_t start = out.AppendListElements(elements);
    out.validity().SetValid(offset + i);
    out.data<ListEntry>()[offset + i] = ListEntry{start, elements};
    Assemble(element, elements, out.child(), start);
  }
}

}  // namespace basin::parquet
