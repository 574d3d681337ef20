// Character-level text functions: length and its aliases, octet_length, bit_length,
// lower, upper, initcap, reverse, ascii, chr, repeat, starts_with, strpos, md5,
// to_hex, quote_ident, quote_literal, quote_nullable.
#include <cstdio>

#include "common/error.h"
#include "function/function_registry.h"
#include "function/scalar/function_errors.h"
#include "function/scalar/md5.h"
#include "function/scalar/row_executor.h"
#include "function/scalar/utf8.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;

// PostgreSQL refuses to build a text value over 1 GB (its MaxAllocSize).
constexpr size_t kMaxTextBytes = (size_t{1} << 30) - 1;

// A text -> integer function of the bytes.
template <class Measure>
void AddMeasure(FunctionRegistry& registry, const char* name, Measure measure) {
  registry.AddScalar(MakeScalar(
      name, {kText}, TypeId::kInteger,
      [measure](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        UnaryExecute<StringRef, int32_t>(*args[0], result, count,
                                         [&](const StringRef& text, uint32_t) {
                                           return static_cast<int32_t>(measure(text.view()));
                                         });
      }));
}

// A text -> text function that writes into a reusable buffer.
template <class Transform>
void AddTextTransform(FunctionRegistry& registry, const char* name, Transform transform) {
  registry.AddScalar(MakeScalar(
      name, {kText}, kText,
      [transform](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        std::string out;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out.clear();
          transform(ArgText(*args[0], row), out);
          SetText(result, row, out);
        });
      }));
}

void InitCap(std::string_view text, std::string& out) {
  bool previous_alphanumeric = false;
  for (size_t offset = 0; offset < text.size();) {
    const uint32_t code = utf8::Decode(text, offset);
    utf8::Append(out, previous_alphanumeric ? utf8::ToLower(code) : utf8::ToUpper(code));
    previous_alphanumeric = utf8::IsAlphanumeric(code);
  }
}

void Reverse(std::string_view text, std::string& out) {
  size_t end = text.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && utf8::IsContinuation(text[start])) --start;
    out.append(text.substr(start, end - start));
    end = start;
  }
}

void QuoteIdent(std::string_view text, std::string& out) {
  bool safe = !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || text[0] == '_');
  for (char c : text) {
    safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (safe) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void QuoteLiteral(std::string_view text, std::string& out) {
  // Backslashes force the E'' form, where they must be doubled.
  if (text.find('\\') != std::string_view::npos) out.push_back('E');
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  out.push_back('\'');
}

void AddAscii(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("ascii", {kText}, TypeId::kInteger,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   UnaryExecute<StringRef, int32_t>(
                       *args[0], result, count, [](const StringRef& text, uint32_t) {
                         if (text.empty()) return 0;
                         size_t offset = 0;
                         return static_cast<int32_t>(utf8::Decode(text.view(), offset));
                       });
                 }));
}

void AddChr(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "chr", {TypeId::kInteger}, kText,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        std::string out;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const int32_t code = ArgValue<int32_t>(*args[0], row);
          if (code < 0) {
            throw Error(function_errors::kProgramLimitExceeded,
                        "character number must be positive");
          }
          if (code == 0)
            throw Error(function_errors::kProgramLimitExceeded, "null character not permitted");
          if (code > 0x10FFFF) {
            throw Error(function_errors::kProgramLimitExceeded,
                        "requested character too large for encoding: " + std::to_string(code));
          }
          if (code >= 0xD800 && code <= 0xDFFF) {
            throw Error(function_errors::kProgramLimitExceeded,
                        "requested character not valid for encoding: " + std::to_string(code));
          }
          out.clear();
          utf8::Append(out, static_cast<uint32_t>(code));
          SetText(result, row, out);
        });
      }));
}

void AddRepeat(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "repeat", {kText, TypeId::kInteger}, kText,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        std::string out;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const std::string_view text = ArgText(*args[0], row);
          const int32_t times = ArgValue<int32_t>(*args[1], row);
          out.clear();
          if (times > 0 && !text.empty()) {
            if (text.size() > kMaxTextBytes / static_cast<size_t>(times)) {
              throw Error(function_errors::kProgramLimitExceeded, "requested length too large");
            }
            out.reserve(text.size() * static_cast<size_t>(times));
            for (int32_t i = 0; i < times; ++i) out.append(text);
          }
          SetText(result, row, out);
        });
      }));
}

void AddStartsWith(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("starts_with", {kText, kText}, TypeId::kBoolean,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   BinaryExecute<StringRef, StringRef, bool>(
                       *args[0], *args[1], result, count,
                       [](const StringRef& text, const StringRef& prefix, uint32_t) {
                         return text.view().starts_with(prefix.view());
                       });
                 }));
}

// strpos(text, substring): 1-based character position of the first occurrence, 0 if
// none. POSITION(a IN b) is parsed into strpos(b, a).
void AddStrpos(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "strpos", {kText, kText}, TypeId::kInteger,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        BinaryExecute<StringRef, StringRef, int32_t>(
            *args[0], *args[1], result, count,
            [](const StringRef& text, const StringRef& needle, uint32_t) {
              const size_t at = text.view().find(needle.view());
              if (at == std::string_view::npos) return 0;
              return static_cast<int32_t>(utf8::CountCharacters(text.view().substr(0, at)) + 1);
            });
      }));
}

template <class T>
void AddToHex(FunctionRegistry& registry, TypeId type) {
  registry.AddScalar(MakeScalar(
      "to_hex", {type}, kText,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        ExecuteRows(args, count, result, [&](uint32_t row) {
          // Negative numbers print their two's complement, as PostgreSQL does.
          using Unsigned = std::make_unsigned_t<T>;
          Unsigned value = static_cast<Unsigned>(ArgValue<T>(*args[0], row));
          char digits[sizeof(T) * 2];
          size_t length = 0;
          do {
            digits[sizeof(digits) - ++length] = "0123456789abcdef"[value & 15];
            value >>= 4;
          } while (value != 0);
          SetText(result, row, std::string_view(digits + sizeof(digits) - length, length));
        });
      }));
}

void AddQuoteNullable(FunctionRegistry& registry) {
  ScalarFunction function =
      MakeScalar("quote_nullable", {kText}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   std::string out;
                   for (uint32_t row = 0; row < count; ++row) {
                     out.clear();
                     if (args[0]->IsValid(row)) {
                       QuoteLiteral(ArgText(*args[0], row), out);
                     } else {
                       out = "NULL";
                     }
                     SetText(result, row, out);
                   }
                 });
  function.null_propagating = false;
  registry.AddScalar(std::move(function));
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry& registry) {
  auto characters = [](std::string_view text) { return utf8::CountCharacters(text); };
  AddMeasure(registry, "length", characters);
  AddMeasure(registry, "char_length", characters);
  AddMeasure(registry, "character_length", characters);
  AddMeasure(registry, "octet_length", [](std::string_view text) { return text.size(); });
  AddMeasure(registry, "bit_length", [](std::string_view text) { return text.size() * 8; });
  AddTextTransform(registry, "lower",
                   [](std::string_view text, std::string& out) { utf8::AppendLower(out, text); });
  AddTextTransform(registry, "upper",
                   [](std::string_view text, std::string& out) { utf8::AppendUpper(out, text); });
  AddTextTransform(registry, "initcap", InitCap);
  AddTextTransform(registry, "reverse", Reverse);
  AddTextTransform(registry, "md5",
                   [](std::string_view text, std::string& out) { out = Md5Hex(text); });
  AddTextTransform(registry, "quote_ident", QuoteIdent);
  AddTextTransform(registry, "quote_literal", QuoteLiteral);
  AddQuoteNullable(registry);
  AddAscii(registry);
  AddChr(registry);
  AddRepeat(registry);
  AddStartsWith(registry);
  AddStrpos(registry);
  AddToHex<int32_t>(registry, TypeId::kInteger);
  AddToHex<int64_t>(registry, TypeId::kBigInt);
}

}  // namespace basin
