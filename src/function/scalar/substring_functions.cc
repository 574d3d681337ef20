// Functions that cut, pad or rearrange text by character position: substr/substring,
// left, right, lpad, rpad, btrim/ltrim/rtrim, split_part, replace, translate,
// overlay. Positions count UTF-8 characters, as PostgreSQL does. Results that are a
// slice of the input reference its bytes instead of copying them.
#include <algorithm>
#include <limits>

#include "common/error.h"
#include "function/function_registry.h"
#include "function/scalar/function_errors.h"
#include "function/scalar/row_executor.h"
#include "function/scalar/utf8.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;
constexpr TypeId kInt = TypeId::kInteger;

// The characters [first, first + length) of `text` (0-based, clamped to the text).
std::string_view CharacterRange(std::string_view text, int64_t first, int64_t length) {
  if (length <= 0 || first >= static_cast<int64_t>(text.size())) return {};
  const size_t begin = utf8::ByteOffset(text, static_cast<size_t>(first));
  // A character has at least one byte, so `length` bytes bound the search.
  const size_t remaining = std::min<int64_t>(length, static_cast<int64_t>(text.size()));
  const size_t end = begin + utf8::ByteOffset(text.substr(begin), remaining);
  return text.substr(begin, end - begin);
}

// PostgreSQL's substring rules: characters [start, start + count) of the 1-based
// string, intersected with the string; a negative count is an error.
std::string_view Substring(std::string_view text, int64_t start, std::optional<int64_t> count) {
  if (count && *count < 0) {
    throw Error(function_errors::kSubstringError, "negative substring length not allowed");
  }
  const int64_t first = std::max<int64_t>(start, 1);
  if (!count) return CharacterRange(text, first - 1, std::numeric_limits<int64_t>::max());
  const int64_t end = start + *count;  // exclusive; int32 inputs cannot overflow int64
  if (end <= first) return {};
  return CharacterRange(text, first - 1, end - first);
}

void AddSubstr(FunctionRegistry& registry, const char* name) {
  registry.AddScalar(MakeScalar(
      name, {kText, kInt}, kText,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        result.KeepHeapsOf(*args[0]);
        ExecuteRows(args, count, result, [&](uint32_t row) {
          SetSlice(result, row,
                   Substring(ArgText(*args[0], row), ArgValue<int32_t>(*args[1], row), {}));
        });
      }));
  registry.AddScalar(
      MakeScalar(name, {kText, kInt, kInt}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   result.KeepHeapsOf(*args[0]);
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     SetSlice(result, row,
                              Substring(ArgText(*args[0], row), ArgValue<int32_t>(*args[1], row),
                                        ArgValue<int32_t>(*args[2], row)));
                   });
                 }));
}

// left(text, n) and right(text, n): a negative n drops |n| characters from the
// other end.
void AddLeftRight(FunctionRegistry& registry, bool left) {
  registry.AddScalar(MakeScalar(
      left ? "left" : "right", {kText, kInt}, kText,
      [left](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        result.KeepHeapsOf(*args[0]);
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const std::string_view text = ArgText(*args[0], row);
          const int64_t n = ArgValue<int32_t>(*args[1], row);
          const int64_t length = static_cast<int64_t>(utf8::CountCharacters(text));
          const int64_t keep = std::clamp<int64_t>(n >= 0 ? n : length + n, 0, length);
          SetSlice(result, row, CharacterRange(text, left ? 0 : length - keep, keep));
        });
      }));
}

// lpad/rpad(text, length [, fill]): pads with `fill` repeated, or truncates to
// `length` characters.
void Pad(std::string_view text, int64_t length, std::string_view fill, bool left,
         std::string& out) {
  out.clear();
  length = std::max<int64_t>(length, 0);
  const int64_t characters = static_cast<int64_t>(utf8::CountCharacters(text));
  if (characters >= length || fill.empty()) {
    out.append(CharacterRange(text, 0, length));
    return;
  }
  if (!left) out.append(text);
  int64_t missing = length - characters;
  for (size_t offset = 0; missing > 0; --missing) {
    const size_t bytes = utf8::CharacterBytes(fill, offset);
    out.append(fill.substr(offset, bytes));
    offset += bytes;
    if (offset >= fill.size()) offset = 0;
  }
  if (left) out.append(text);
}

void AddPad(FunctionRegistry& registry, bool left) {
  const char* name = left ? "lpad" : "rpad";
  for (size_t arity : {2, 3}) {
    std::vector<LogicalType> types = {kText, kInt};
    if (arity == 3) types.push_back(kText);
    registry.AddScalar(MakeScalar(
        name, types, kText,
        [left](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
          std::string out;
          ExecuteRows(args, count, result, [&](uint32_t row) {
            const std::string_view fill = args.size() > 2 ? ArgText(*args[2], row) : " ";
            Pad(ArgText(*args[0], row), ArgValue<int32_t>(*args[1], row), fill, left, out);
            SetText(result, row, out);
          });
        }));
  }
}

bool ContainsCharacter(std::string_view set, std::string_view character) {
  if (character.size() == 1) return set.find(character[0]) != std::string_view::npos;
  for (size_t offset = 0; offset < set.size();) {
    const size_t bytes = utf8::CharacterBytes(set, offset);
    if (set.substr(offset, bytes) == character) return true;
    offset += bytes;
  }
  return false;
}

std::string_view Trim(std::string_view text, std::string_view characters, bool leading,
                      bool trailing) {
  if (leading) {
    while (!text.empty()) {
      const size_t bytes = utf8::CharacterBytes(text, 0);
      if (!ContainsCharacter(characters, text.substr(0, bytes))) break;
      text.remove_prefix(bytes);
    }
  }
  if (trailing) {
    while (!text.empty()) {
      size_t start = text.size() - 1;
      while (start > 0 && utf8::IsContinuation(text[start])) --start;
      if (!ContainsCharacter(characters, text.substr(start))) break;
      text = text.substr(0, start);
    }
  }
  return text;
}

void AddTrim(FunctionRegistry& registry, const char* name, bool leading, bool trailing) {
  for (size_t arity : {1, 2}) {
    registry.AddScalar(MakeScalar(
        name, std::vector<LogicalType>(arity, kText), kText,
        [leading, trailing](const KernelArgs& args, uint32_t count, const FunctionData*,
                            Vector& result) {
          result.KeepHeapsOf(*args[0]);
          ExecuteRows(args, count, result, [&](uint32_t row) {
            const std::string_view characters = args.size() > 1 ? ArgText(*args[1], row) : " ";
            SetSlice(result, row, Trim(ArgText(*args[0], row), characters, leading, trailing));
          });
        }));
  }
}

// split_part(text, delimiter, n): the n-th field (negative n counts from the end).
std::string_view SplitPart(std::string_view text, std::string_view delimiter, int64_t field) {
  if (field == 0) {
    throw Error(sqlstate::kInvalidParameterValue, "field position must not be zero");
  }
  if (text.empty()) return {};
  if (delimiter.empty()) return field == 1 || field == -1 ? text : std::string_view();
  if (field < 0) {
    int64_t fields = 1;
    for (size_t at = text.find(delimiter); at != std::string_view::npos;
         at = text.find(delimiter, at + delimiter.size())) {
      ++fields;
    }
    field += fields + 1;
    if (field <= 0) return {};
  }
  size_t start = 0;
  for (int64_t i = 1; i < field; ++i) {
    const size_t at = text.find(delimiter, start);
    if (at == std::string_view::npos) return {};
    start = at + delimiter.size();
  }
  const size_t end = text.find(delimiter, start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

void AddSplitPart(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("split_part", {kText, kText, kInt}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   result.KeepHeapsOf(*args[0]);
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     SetSlice(result, row,
                              SplitPart(ArgText(*args[0], row), ArgText(*args[1], row),
                                        ArgValue<int32_t>(*args[2], row)));
                   });
                 }));
}

void AddReplace(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("replace", {kText, kText, kText}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   result.KeepHeapsOf(*args[0]);
                   std::string out;
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     const std::string_view text = ArgText(*args[0], row);
                     const std::string_view from = ArgText(*args[1], row);
                     const std::string_view to = ArgText(*args[2], row);
                     size_t at = from.empty() ? std::string_view::npos : text.find(from);
                     if (at == std::string_view::npos) {
                       SetSlice(result, row, text);
                       return;
                     }
                     out.clear();
                     size_t start = 0;
                     for (; at != std::string_view::npos; at = text.find(from, start)) {
                       out.append(text.substr(start, at - start));
                       out.append(to);
                       start = at + from.size();
                     }
                     out.append(text.substr(start));
                     SetText(result, row, out);
                   });
                 }));
}

// translate(text, from, to): each character of `from` becomes the character at the
// same position of `to`, or is removed when `to` is shorter.
void Translate(std::string_view text, std::string_view from, std::string_view to,
               std::string& out) {
  out.clear();
  for (size_t offset = 0; offset < text.size();) {
    const size_t bytes = utf8::CharacterBytes(text, offset);
    const std::string_view character = text.substr(offset, bytes);
    offset += bytes;
    size_t index = 0;
    size_t from_offset = 0;
    bool found = false;
    while (from_offset < from.size()) {
      const size_t from_bytes = utf8::CharacterBytes(from, from_offset);
      if (from.substr(from_offset, from_bytes) == character) {
        found = true;
        break;
      }
      from_offset += from_bytes;
      ++index;
    }
    if (!found) {
      out.append(character);
      continue;
    }
    const size_t to_offset = utf8::ByteOffset(to, index);
    if (to_offset < to.size())
      out.append(to.substr(to_offset, utf8::CharacterBytes(to, to_offset)));
  }
}

void AddTranslate(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "translate", {kText, kText, kText}, kText,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        std::string out;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          Translate(ArgText(*args[0], row), ArgText(*args[1], row), ArgText(*args[2], row), out);
          SetText(result, row, out);
        });
      }));
}

// overlay(text PLACING replacement FROM start [FOR count]).
void AddOverlay(FunctionRegistry& registry) {
  for (size_t arity : {3, 4}) {
    std::vector<LogicalType> types = {kText, kText, kInt};
    if (arity == 4) types.push_back(kInt);
    registry.AddScalar(MakeScalar(
        "overlay", types, kText,
        [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
          std::string out;
          ExecuteRows(args, count, result, [&](uint32_t row) {
            const std::string_view text = ArgText(*args[0], row);
            const std::string_view placing = ArgText(*args[1], row);
            const int64_t start = ArgValue<int32_t>(*args[2], row);
            const int64_t length = args.size() > 3
                                       ? ArgValue<int32_t>(*args[3], row)
                                       : static_cast<int64_t>(utf8::CountCharacters(placing));
            if (length < 0) {
              throw Error(function_errors::kSubstringError,
                          "negative substring length not allowed");
            }
            out.assign(Substring(text, 1, start - 1));
            out.append(placing);
            out.append(Substring(text, start + length, {}));
            SetText(result, row, out);
          });
        }));
  }
}

}  // namespace

void RegisterSubstringFunctions(FunctionRegistry& registry) {
  AddSubstr(registry, "substr");
  AddSubstr(registry, "substring");
  AddLeftRight(registry, true);
  AddLeftRight(registry, false);
  AddPad(registry, true);
  AddPad(registry, false);
  AddTrim(registry, "btrim", true, true);
  AddTrim(registry, "trim", true, true);
  AddTrim(registry, "ltrim", true, false);
  AddTrim(registry, "rtrim", false, true);
  AddSplitPart(registry);
  AddReplace(registry);
  AddTranslate(registry);
  AddOverlay(registry);
}

}  // namespace basin
