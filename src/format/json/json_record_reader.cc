#include "format/json/json_record_reader.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace basin {

namespace {

// Bytes read at a time. A range is read up to its end in blocks of this size; the
// line that straddles the end is finished in smaller steps.
constexpr size_t kBlockBytes = 4 << 20;
constexpr size_t kTailBytes = 64 << 10;
constexpr size_t kInitialParserCapacity = 64 << 10;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool StartsWithBom(const char* data, size_t size) {
  return size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0;
}

const char* ErrorName(simdjson::error_code code) {
  switch (code) {
    case simdjson::CAPACITY:
      return "CAPACITY";
    case simdjson::MEMALLOC:
      return "MEMALLOC";
    case simdjson::TAPE_ERROR:
      return "TAPE_ERROR";
    case simdjson::DEPTH_ERROR:
      return "DEPTH_ERROR";
    case simdjson::STRING_ERROR:
      return "STRING_ERROR";
    case simdjson::T_ATOM_ERROR:
      return "T_ATOM_ERROR";
    case simdjson::F_ATOM_ERROR:
      return "F_ATOM_ERROR";
    case simdjson::N_ATOM_ERROR:
      return "N_ATOM_ERROR";
    case simdjson::NUMBER_ERROR:
      return "NUMBER_ERROR";
    case simdjson::UTF8_ERROR:
      return "UTF8_ERROR";
    case simdjson::EMPTY:
      return "EMPTY";
    case simdjson::UNESCAPED_CHARS:
      return "UNESCAPED_CHARS";
    case simdjson::UNCLOSED_STRING:
      return "UNCLOSED_STRING";
    case simdjson::INCORRECT_TYPE:
      return "INCORRECT_TYPE";
    case simdjson::NUMBER_OUT_OF_RANGE:
      return "NUMBER_OUT_OF_RANGE";
    case simdjson::TRAILING_CONTENT:
      return "TRAILING_CONTENT";
    default:
      return "ERROR";
  }
}

// simdjson 3.0 rejects integers beyond 64 bits (NUMBER_ERROR), where Basin wants a
// DOUBLE. Returns `text` with a ".0" after every integer of 20 or more digits outside
// strings (which simdjson then parses as a double), or "" if there is none.
std::string WidenBigIntegers(std::string_view text) {
  std::string result;
  bool changed = false;
  bool in_string = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        result.append(text.substr(i, 2));
        i += 2;
        continue;
      }
      in_string = c != '"';
    } else if (c == '"') {
      in_string = true;
    } else if (c >= '0' && c <= '9') {
      // Digits after a point or in an exponent are not an integer of their own.
      const char before = i > 0 ? text[i - 1] : ' ';
      const char before_sign = i > 1 ? text[i - 2] : ' ';
      const bool part_of_number =
          before == '.' || before == 'e' || before == 'E' ||
          ((before == '+' || before == '-') && (before_sign == 'e' || before_sign == 'E'));
      size_t end = i;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      result.append(text.substr(i, end - i));
      const bool integer =
          !part_of_number &&
          (end == text.size() || (text[end] != '.' && text[end] != 'e' && text[end] != 'E'));
      if (integer && end - i >= 20) {
        result += ".0";
        changed = true;
      }
      i = end;
      continue;
    }
    result.push_back(c);
    ++i;
  }
  if (!changed) return {};
  result.reserve(result.size() + simdjson::SIMDJSON_PADDING);
  return result;
}

}  // namespace

std::string DescribeJsonError(simdjson::error_code code) {
  return std::string(ErrorName(code)) + ": " + simdjson::error_message(code);
}

JsonFormat DetectJsonFormat(const CsvInput& input) {
  char head[4096];
  uint64_t offset = 0;
  for (;;) {
    const size_t got = input.ReadAt(offset, head, sizeof(head));
    if (got == 0) return JsonFormat::kNewlineDelimited;
    size_t i = offset == 0 && StartsWithBom(head, got) ? 3 : 0;
    while (i < got && IsJsonSpace(head[i])) ++i;
    if (i < got) return head[i] == '[' ? JsonFormat::kArray : JsonFormat::kNewlineDelimited;
    offset += got;
  }
}

JsonRecordReader::JsonRecordReader(const CsvInput& input, JsonFormat format, uint64_t begin,
                                   uint64_t end, uint32_t max_depth)
    : input_(input), format_(format), end_(std::min(end, input.size())) {
  if (parser_.allocate(kInitialParserCapacity, max_depth) != simdjson::SUCCESS) {
    throw Error(sqlstate::kOutOfMemory, "read_json: cannot allocate the JSON parser");
  }
  if (format_ != JsonFormat::kNewlineDelimited) return;
  // Start one byte early: a line starts at `begin` only if that byte ends a line, and
  // otherwise the partial line belongs to the range before.
  file_offset_ = begin == 0 ? 0 : begin - 1;
  buffer_offset_ = file_offset_;
  if (begin > 0) {
    std::string_view partial;
    ReadLine(partial);
  } else {
    Refill();
    if (StartsWithBom(buffer_.data(), size_)) cursor_ = 3;
  }
}

void JsonRecordReader::Refill() {
  // Keep the unread bytes (a partial line) at the front.
  if (cursor_ < size_) std::memmove(buffer_.data(), buffer_.data() + cursor_, size_ - cursor_);
  buffer_offset_ += cursor_;
  size_ -= cursor_;
  cursor_ = 0;
  const uint64_t file_size = input_.size();
  const uint64_t wanted =
      file_offset_ < end_ ? std::min<uint64_t>(end_ - file_offset_, kBlockBytes) : kTailBytes;
  const size_t to_read = static_cast<size_t>(std::min<uint64_t>(wanted, file_size - file_offset_));
  if (buffer_.size() < size_ + to_read + simdjson::SIMDJSON_PADDING) {
    buffer_.resize(std::max(buffer_.size() * 2, size_ + to_read + simdjson::SIMDJSON_PADDING));
  }
  size_t done = 0;
  while (done < to_read) {
    const size_t got =
        input_.ReadAt(file_offset_ + done, buffer_.data() + size_ + done, to_read - done);
    if (got == 0) break;
    done += got;
  }
  size_ += done;
  file_offset_ += done;
}

bool JsonRecordReader::ReadLine(std::string_view& line) {
  size_t searched = cursor_;
  for (;;) {
    if (buffer_offset_ + cursor_ >= end_) return false;  // the next range's line
    // (The buffer is empty, and data() may be null, before the first read.)
    const char* newline = searched < size_ ? static_cast<const char*>(std::memchr(
                                                 buffer_.data() + searched, '\n', size_ - searched))
                                           : nullptr;
    if (newline != nullptr) {
      const size_t stop = static_cast<size_t>(newline - buffer_.data());
      line_offset_ = buffer_offset_ + cursor_;
      line = std::string_view(buffer_.data() + cursor_, stop - cursor_);
      cursor_ = stop + 1;
      return true;
    }
    if (file_offset_ >= input_.size()) {
      if (cursor_ == size_) return false;
      line_offset_ = buffer_offset_ + cursor_;
      line = std::string_view(buffer_.data() + cursor_, size_ - cursor_);
      cursor_ = size_;
      return true;
    }
    const size_t unread = size_ - cursor_;
    Refill();
    searched = unread;
  }
}

simdjson::error_code JsonRecordReader::ParseWidened(std::string_view text,
                                                    simdjson::dom::element& value) {
  widened_ = WidenBigIntegers(text);
  if (widened_.empty()) return simdjson::NUMBER_ERROR;
  // The string has SIMDJSON_PADDING bytes of capacity to spare.
  return parser_.parse(widened_.data(), widened_.size(), false).get(value);
}

JsonRecordReader::Outcome JsonRecordReader::Malformed(simdjson::error_code code) {
  error_ = code == simdjson::DEPTH_ERROR
               ? "JSON nested deeper than maximum_depth " + std::to_string(parser_.max_depth())
               : "malformed JSON (" + DescribeJsonError(code) + ")";
  return Outcome::kMalformed;
}

JsonRecordReader::Outcome JsonRecordReader::NextLine(simdjson::dom::element& value) {
  std::string_view line;
  for (;;) {
    if (!ReadLine(line)) return Outcome::kEnd;
    size_t first = 0;
    while (first < line.size() && IsJsonSpace(line[first])) ++first;
    if (first == line.size()) continue;  // blank line
    // The line is followed by more of the buffer (or its padding), so it can be
    // parsed where it is.
    simdjson::error_code code =
        parser_.parse(line.data() + first, line.size() - first, false).get(value);
    if (code == simdjson::NUMBER_ERROR) code = ParseWidened(line.substr(first), value);
    if (code != simdjson::SUCCESS) return Malformed(code);
    return Outcome::kValue;
  }
}

void JsonRecordReader::ReadWholeFile() {
  parsed_ = true;
  const uint64_t file_size = input_.size();
  buffer_.resize(static_cast<size_t>(file_size) + simdjson::SIMDJSON_PADDING);
  size_t done = 0;
  while (done < file_size) {
    const size_t got = input_.ReadAt(done, buffer_.data() + done, file_size - done);
    if (got == 0) break;
    done += got;
  }
  size_ = done;
}

JsonRecordReader::Outcome JsonRecordReader::NextElement(simdjson::dom::element& value) {
  if (!parsed_) {
    ReadWholeFile();
    const size_t skip = StartsWithBom(buffer_.data(), size_) ? 3 : 0;
    simdjson::dom::element root;
    simdjson::error_code code = parser_.parse(buffer_.data() + skip, size_ - skip, false).get(root);
    if (code == simdjson::NUMBER_ERROR) {
      code = ParseWidened(std::string_view(buffer_.data() + skip, size_ - skip), root);
    }
    if (code != simdjson::SUCCESS) return Malformed(code);
    simdjson::dom::array array;
    if (root.get_array().get(array) != simdjson::SUCCESS) {
      error_ = std::string("expected a top-level JSON array (format 'array'), found ") +
               (root.is_object() ? "an object" : "a scalar");
      return Outcome::kMalformed;
    }
    next_element_ = array.begin();
    end_element_ = array.end();
  }
  if (!(next_element_ != end_element_)) return Outcome::kEnd;
  value = *next_element_;
  ++next_element_;
  ++element_index_;
  return Outcome::kValue;
}

JsonRecordReader::Outcome JsonRecordReader::Next(simdjson::dom::element& value) {
  if (format_ == JsonFormat::kArray) {
    // A malformed file has nothing more to give.
    if (!error_.empty()) return Outcome::kEnd;
    return NextElement(value);
  }
  return NextLine(value);
}

std::string JsonRecordReader::Location() const {
  if (format_ == JsonFormat::kArray) {
    if (element_index_ == 0) return "the top-level array";
    return "array element " + std::to_string(element_index_);
  }
  // Line numbers are counted only here: errors are rare, and ranges in the middle of
  // a file would otherwise have to count the lines before them.
  uint64_t lines = 1;
  std::vector<char> block(1 << 20);
  for (uint64_t offset = 0; offset < line_offset_;) {
    const size_t wanted =
        static_cast<size_t>(std::min<uint64_t>(block.size(), line_offset_ - offset));
    const size_t got = input_.ReadAt(offset, block.data(), wanted);
    if (got == 0) break;
    lines += static_cast<uint64_t>(std::count(block.data(), block.data() + got, '\n'));
    offset += got;
  }
  return "line " + std::to_string(lines);
}

}  // namespace basin
