#include "exec/aggregate_hash_table.h"

#include <cstring>

#include "common/error.h"

namespace basin {

namespace {
constexpr uint32_t kStateAlignment = 16;
constexpr uint32_t kInitialSlots = 1024;
}  // namespace

AggregateHashTable::AggregateHashTable(std::vector<LogicalType> key_types,
                                       const std::vector<AggregateSpec>& aggregates, MemoryTracker& memory)
    : key_types_(std::move(key_types)), aggregates_(aggregates), memory_(memory) {
  for (const auto& type : key_types_) equal_.push_back(GetRowEqualFunction(type));
  for (const auto& aggregate : aggregates_) {
    state_offsets_.push_back(state_width_);
    const uint32_t size = aggregate.function->state_size;
    state_width_ += (size + kStateAlignment - 1) / kStateAlignment * kStateAlignment;
  }
  if (state_width_ == 0) state_width_ = kStateAlignment;
  slots_.assign(kInitialSlots, 0);
}

AggregateHashTable::~AggregateHashTable() {
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    if (!aggregates_[a].function->destroy) continue;
    for (uint32_t group = 0; group < num_groups_; ++group) {
      aggregates_[a].function->destroy(StateOf(group) + state_offsets_[a]);
    }
  }
  memory_.Release(reserved_bytes_);
}

void AggregateHashTable::Grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  const uint64_t mask = slots.size() - 1;
  for (uint32_t group = 0; group < num_groups_; ++group) {
    uint64_t index = group_hashes_[group] & mask;
    while (slots[index] != 0) index = (index + 1) & mask;
    slots[index] = group + 1;
  }
  memory_.Reserve(slots.size() * sizeof(uint32_t));
  memory_.Release(slots_.size() * sizeof(uint32_t));
  reserved_bytes_ += (slots.size() - slots_.size()) * sizeof(uint32_t);
  slots_ = std::move(slots);
}

uint32_t AggregateHashTable::CreateGroup(const std::vector<const Vector*>& keys, uint32_t row, uint64_t hash) {
  const uint32_t group = num_groups_;
  if (group % kBatchSize == 0) {
    const uint64_t page_bytes = uint64_t{kBatchSize} * state_width_;
    uint64_t key_bytes = 0;
    for (const auto& type : key_types_) key_bytes += uint64_t{kBatchSize} * type.PhysicalSize();
    memory_.Reserve(page_bytes + key_bytes);
    reserved_bytes_ += page_bytes + key_bytes;
    keys_.emplace_back(key_types_);
    state_pages_.push_back(std::make_unique<uint8_t[]>(page_bytes));
  }
  Batch& batch = keys_.back();
  const uint32_t slot_row = group % kBatchSize;
  for (size_t k = 0; k < keys.size(); ++k) {
    Vector& target = batch.columns[k];
    const Vector& source = *keys[k];
    const uint32_t source_row = source.is_constant() ? 0 : row;
    if (key_types_[k].IsNested()) {
      CopyRows(source, &row, 1, target, slot_row);
    } else if (!source.validity().IsValid(source_row)) {
      target.SetNull(slot_row);
    } else if (key_types_[k].id() == TypeId::kVarchar) {
      target.data<StringRef>()[slot_row] = target.AddString(source.data<StringRef>()[source_row].view());
    } else {
      const uint32_t width = key_types_[k].PhysicalSize();
      std::memcpy(target.raw_data() + size_t{slot_row} * width, source.raw_data() + size_t{source_row} * width, width);
    }
  }
  batch.size = slot_row + 1;
  group_hashes_.push_back(hash);
  uint8_t* state = StateOf(group);
  for (size_t a = 0; a < aggregates_.size(); ++a) aggregates_[a].function->initialize(state + state_offsets_[a]);
  ++num_groups_;
  return group;
}

void AggregateHashTable::FindOrCreateGroups(const std::vector<const Vector*>& keys, uint32_t count,
                                            const uint64_t* hashes, std::vector<uint32_t>& groups) {
  groups.resize(count);
  for (uint32_t row = 0; row < count; ++row) {
    if ((num_groups_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t mask = slots_.size() - 1;
    const uint64_t hash = hashes[row];
    uint64_t index = hash & mask;
    for (;;) {
      const uint32_t slot = slots_[index];
      if (slot == 0) {
        const uint32_t group = CreateGroup(keys, row, hash);
        slots_[index] = group + 1;
        groups[row] = group;
        break;
      }
      const uint32_t group = slot - 1;
      if (group_hashes_[group] == hash) {
        const Batch& stored = keys_[group / kBatchSize];
        const uint32_t stored_row = group % kBatchSize;
        bool equal = true;
        for (size_t k = 0; k < keys.size() && equal; ++k) {
          const Vector& probe = *keys[k];
          const bool probe_valid = probe.IsValid(row);
          const bool stored_valid = stored.columns[k].validity().IsValid(stored_row);
          equal = probe_valid == stored_valid &&
                  (!probe_valid || equal_[k](probe, row, stored.columns[k], stored_row));
        }
        if (equal) {
          groups[row] = group;
          break;
        }
      }
      index = (index + 1) & mask;
    }
  }
}

void AggregateHashTable::AddBatch(const Batch& input, const std::vector<uint32_t>& key_columns) {
  std::vector<uint64_t> hashes;
  HashKeys(input, key_columns, hashes);
  std::vector<const Vector*> keys;
  for (uint32_t column : key_columns) keys.push_back(&input.columns[column]);
  std::vector<uint32_t> groups;
  if (key_columns.empty()) {
    EnsureSingleGroup();  // no probing: every row is in group 0
    groups.assign(input.size, 0);
  } else {
    FindOrCreateGroups(keys, input.size, hashes.data(), groups);
  }

  std::vector<uint8_t*> states(input.size);
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    const AggregateSpec& spec = aggregates_[a];
    std::vector<const Vector*> args;
    for (uint32_t column : spec.argument_columns) args.push_back(&input.columns[column]);
    if (spec.filter_column < 0) {
      for (uint32_t row = 0; row < input.size; ++row) states[row] = StateOf(groups[row]) + state_offsets_[a];
      spec.function->update(args, states.data(), input.size, spec.data.get());
      continue;
    }
    // FILTER (WHERE ...): update with the passing rows only.
    const Vector& filter = input.columns[spec.filter_column];
    std::vector<uint32_t> passing;
    for (uint32_t row = 0; row < input.size; ++row) {
      if (filter.IsValid(row) && filter.data<bool>()[filter.is_constant() ? 0 : row]) passing.push_back(row);
    }
    if (passing.empty()) continue;
    std::vector<Vector> sliced(args.size());
    std::vector<const Vector*> sliced_args;
    for (size_t i = 0; i < args.size(); ++i) {
      sliced[i] = Vector(args[i]->type(), static_cast<uint32_t>(passing.size()));
      CopyRows(*args[i], passing.data(), static_cast<uint32_t>(passing.size()), sliced[i], 0);
      sliced_args.push_back(&sliced[i]);
    }
    for (size_t i = 0; i < passing.size(); ++i) states[i] = StateOf(groups[passing[i]]) + state_offsets_[a];
    spec.function->update(sliced_args, states.data(), static_cast<uint32_t>(passing.size()), spec.data.get());
  }
}

void AggregateHashTable::Merge(AggregateHashTable& other) {
  std::vector<uint32_t> groups;
  if (key_types_.empty() && other.num_groups_ > 0) EnsureSingleGroup();
  for (size_t b = 0; b < other.keys_.size(); ++b) {
    const Batch& batch = other.keys_[b];
    std::vector<const Vector*> keys;
    for (const auto& column : batch.columns) keys.push_back(&column);
    const uint64_t* hashes = other.group_hashes_.data() + b * kBatchSize;
    if (key_types_.empty()) {
      groups.assign(batch.size, 0);
    } else {
      FindOrCreateGroups(keys, batch.size, hashes, groups);
    }
    for (uint32_t row = 0; row < batch.size; ++row) {
      uint8_t* source = other.StateOf(static_cast<uint32_t>(b * kBatchSize + row));
      uint8_t* target = StateOf(groups[row]);
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        aggregates_[a].function->combine(source + state_offsets_[a], target + state_offsets_[a],
                                         aggregates_[a].data.get());
      }
    }
  }
}

void AggregateHashTable::EnsureSingleGroup() {
  if (num_groups_ == 0) CreateGroup({}, 0, 0);
}

void AggregateHashTable::EmitBatch(size_t index, Batch& out) {
  const Batch& keys = keys_[index];
  const uint32_t count = keys.size;
  for (size_t k = 0; k < key_types_.size(); ++k) CopyRows(keys.columns[k], nullptr, count, out.columns[k], 0);
  std::vector<uint8_t*> states(count);
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    for (uint32_t i = 0; i < count; ++i) {
      states[i] = StateOf(static_cast<uint32_t>(index * kBatchSize + i)) + state_offsets_[a];
    }
    aggregates_[a].function->finalize(states.data(), count, out.columns[key_types_.size() + a],
                                      aggregates_[a].data.get());
  }
  out.size = count;
}

}  // namespace basin
