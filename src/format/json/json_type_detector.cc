#include "format/json/json_type_detector.h"

#include <unordered_map>

#include "common/datetime.h"
#include "common/time_zone.h"
#include "format/csv/csv_field_parsers.h"

namespace basin {

namespace {

enum : uint32_t {
  kDate = 1u << 0,
  kTime = 1u << 1,
  kTimestamp = 1u << 2,
  kTimestampTz = 1u << 3,
  kAllStringTypes = (1u << 4) - 1,
};

enum class Kind : uint8_t {
  kUnknown,  // only nulls so far
  kBoolean,
  kInteger,
  kDouble,
  kString,
  kObject,
  kArray,
  kVarchar,  // a mix that only text can hold
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A time zone after the clock part: Z, +hh[:mm], -hh, UTC, GMT.
bool HasZone(std::string_view text) {
  if (text.size() < 14) return false;
  const std::string_view tail = text.substr(13);
  return tail.find_first_of("+-Zz") != std::string_view::npos ||
         tail.find("UTC") != std::string_view::npos || tail.find("GMT") != std::string_view::npos;
}

}  // namespace

uint32_t JsonStringTypeMask(std::string_view text) {
  // Every form below starts with a digit and has at least 5 characters ("1:2:3" is
  // not accepted as a time); most strings fail here at once.
  if (text.size() < 5 || text.size() > 40 || !IsDigit(text[0])) return 0;
  uint32_t mask = 0;
  int32_t days = 0;
  int64_t micros = 0;
  if (text.size() == 10 && ParseCsvIsoDate(text.data(), text.size(), days)) {
    // A date is also a timestamp at midnight, so dates and timestamps unify.
    return kDate | kTimestamp;
  }
  if (text.size() <= 15 && (text[1] == ':' || text[2] == ':') &&
      ParseTime(text, micros) == DatetimeParseStatus::kOk) {
    mask |= kTime;
  }
  if (text.size() >= 13 && text[4] == '-' && text.find(':') != std::string_view::npos) {
    if (HasZone(text)) {
      if (ParseTimestampTz(text, TimeZone::Utc(), micros) == DatetimeParseStatus::kOk)
        mask |= kTimestampTz;
    } else if (ParseCsvIsoTimestamp(text.data(), text.size(), micros) ||
               ParseTimestamp(text, micros) == DatetimeParseStatus::kOk) {
      mask |= kTimestamp;
    }
  }
  return mask;
}

struct JsonTypeDetector::Node {
  Kind kind = Kind::kUnknown;
  uint32_t string_mask = kAllStringTypes;
  // Objects: keys in first-seen order, with an index to find them.
  std::vector<std::string> keys;
  std::unordered_map<std::string, size_t> key_index;
  std::vector<std::unique_ptr<Node>> fields;
  // Arrays: the elements' node.
  std::unique_ptr<Node> element;

  // Widens this node's kind to cover `next`. Returns false when the node is (now)
  // VARCHAR and its children no longer matter.
  bool Widen(Kind next) {
    if (kind == next) return true;
    if (kind == Kind::kUnknown) {
      kind = next;
      return true;
    }
    if ((kind == Kind::kInteger && next == Kind::kDouble) ||
        (kind == Kind::kDouble && next == Kind::kInteger)) {
      kind = Kind::kDouble;
      return true;
    }
    kind = Kind::kVarchar;
    keys.clear();
    key_index.clear();
    fields.clear();
    element.reset();
    return false;
  }

  void Add(simdjson::dom::element value) {
    using simdjson::dom::element_type;
    switch (value.type()) {
      case element_type::NULL_VALUE:
        return;
      case element_type::BOOL:
        Widen(Kind::kBoolean);
        return;
      case element_type::INT64:
        Widen(Kind::kInteger);
        return;
      case element_type::UINT64:  // beyond int64
      case element_type::DOUBLE:
        Widen(Kind::kDouble);
        return;
      case element_type::STRING:
        if (Widen(Kind::kString)) string_mask &= JsonStringTypeMask(value.get_string().value());
        return;
      case element_type::OBJECT: {
        if (!Widen(Kind::kObject)) return;
        const simdjson::dom::object object = value.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : object) {
          const std::string_view key = field.key;
          auto [it, inserted] = key_index.try_emplace(std::string(key), fields.size());
          if (inserted) {
            keys.emplace_back(key);
            fields.push_back(std::make_unique<Node>());
          }
          fields[it->second]->Add(field.value);
        }
        return;
      }
      case element_type::ARRAY: {
        if (!Widen(Kind::kArray)) return;
        if (!element) element = std::make_unique<Node>();
        const simdjson::dom::array array = value.get_array().value_unsafe();
        for (const simdjson::dom::element item : array) element->Add(item);
        return;
      }
    }
  }

  LogicalType Type() const {
    switch (kind) {
      case Kind::kBoolean:
        return TypeId::kBoolean;
      case Kind::kInteger:
        return TypeId::kBigInt;
      case Kind::kDouble:
        return TypeId::kDouble;
      case Kind::kString:
        if (string_mask & kDate) return TypeId::kDate;
        if (string_mask & kTime) return TypeId::kTime;
        if (string_mask & kTimestamp) return TypeId::kTimestamp;
        if (string_mask & kTimestampTz) return TypeId::kTimestampTz;
        return TypeId::kVarchar;
      case Kind::kObject: {
        if (keys.empty()) return TypeId::kVarchar;
        std::vector<LogicalType> types;
        for (const auto& field : fields) types.push_back(field->Type());
        return LogicalType::Struct(keys, std::move(types));
      }
      case Kind::kArray:
        return LogicalType::List(element ? element->Type() : LogicalType(TypeId::kVarchar));
      case Kind::kUnknown:
      case Kind::kVarchar:
        return TypeId::kVarchar;
    }
    return TypeId::kVarchar;
  }
};

JsonTypeDetector::JsonTypeDetector() : root_(std::make_unique<Node>()) {}
JsonTypeDetector::~JsonTypeDetector() = default;

void JsonTypeDetector::Add(simdjson::dom::element value) { root_->Add(value); }

LogicalType JsonTypeDetector::Type() const { return root_->Type(); }

bool JsonTypeDetector::AllObjects() const { return root_->kind == Kind::kObject; }

std::vector<std::string> JsonTypeDetector::KeyNames() const { return root_->keys; }

std::vector<LogicalType> JsonTypeDetector::KeyTypes() const {
  std::vector<LogicalType> types;
  for (const auto& field : root_->fields) types.push_back(field->Type());
  return types;
}

}  // namespace basin
