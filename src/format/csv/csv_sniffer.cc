#include "format/csv/csv_sniffer.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include "common/error.h"
#include "format/csv/csv_row_reader.h"
#include "format/csv/csv_tokenizer.h"
#include "format/csv/csv_type_detector.h"

namespace basin {

namespace {

// The head of the file that dialect candidates are scored on.
constexpr size_t kHeadBytes = 1 << 20;
// Rows scored per candidate: enough to see quoted fields and ragged rows, few enough
// that ~30 candidates stay cheap.
constexpr uint32_t kDialectRows = 500;
// Chunks sampled further into a big file for types, and their size.
constexpr int kLaterChunks = 4;
constexpr uint64_t kChunkBytes = 256 << 10;
constexpr size_t kSniffBlockBytes = 1 << 20;

constexpr char kDelimiterCandidates[] = {',', '|', ';', '\t', ':'};
constexpr char kQuoteCandidates[] = {'"', '\'', '\0'};

struct DialectScore {
  CsvDialect dialect;
  uint32_t columns = 0;     // the most common field count
  uint32_t consistent = 0;  // rows with that count
  bool all_trailing = false;
  int priority = 0;  // lower wins ties
};

std::string ReadHead(const CsvInput& input) {
  std::string head(std::min<uint64_t>(input.size(), kHeadBytes), '\0');
  head.resize(input.ReadAt(0, head.data(), head.size()));
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) head.erase(0, 3);
  return head;
}

// Offset in `head` after `lines` raw lines.
size_t SkipRawLines(const std::string& head, uint64_t lines) {
  size_t pos = 0;
  for (uint64_t i = 0; i < lines && pos < head.size(); ++i) {
    const size_t newline = head.find('\n', pos);
    pos = newline == std::string::npos ? head.size() : newline + 1;
  }
  return pos;
}

DialectScore ScoreDialect(const std::string& head, size_t start, bool head_is_whole,
                          const CsvDialect& dialect) {
  DialectScore score;
  score.dialect = dialect;
  CsvTokenizer tokenizer(dialect);
  std::vector<CsvField> fields;
  std::map<uint32_t, uint32_t> frequency;
  std::vector<std::pair<uint32_t, bool>> rows;  // field count, last field empty
  size_t pos = start;
  while (rows.size() < kDialectRows) {
    fields.clear();
    uint32_t line_breaks = 0;
    const CsvRowStatus status =
        tokenizer.NextRow(head.data(), head.size(), head_is_whole, pos, fields, line_breaks);
    if (status != CsvRowStatus::kRow) break;
    if (fields.size() == 1 && fields[0].length == 0 && fields[0].flags == 0) continue;
    const CsvField& last = fields.back();
    rows.emplace_back(static_cast<uint32_t>(fields.size()), last.length == 0 && last.flags == 0);
    ++frequency[static_cast<uint32_t>(fields.size())];
  }
  for (const auto& [count, times] : frequency) {
    if (times >= score.consistent) {
      score.consistent = times;
      score.columns = count;
    }
  }
  score.all_trailing = score.columns >= 2;
  for (const auto& [count, last_empty] : rows) {
    if (count == score.columns && !last_empty) score.all_trailing = false;
  }
  return score;
}

bool Better(const DialectScore& a, const DialectScore& b) {
  const bool a_split = a.columns > 1;
  const bool b_split = b.columns > 1;
  if (a_split != b_split) return a_split;
  if (a.consistent != b.consistent) return a.consistent > b.consistent;
  if (a.columns != b.columns) return a.columns > b.columns;
  return a.priority < b.priority;
}

CsvDialect DetectDialect(const std::string& head, bool head_is_whole, const CsvOptions& options) {
  const size_t start = SkipRawLines(head, options.skip_rows);
  std::vector<char> delimiters(std::begin(kDelimiterCandidates), std::end(kDelimiterCandidates));
  if (options.delimiter) delimiters = {*options.delimiter};
  std::vector<char> quotes(std::begin(kQuoteCandidates), std::end(kQuoteCandidates));
  if (options.quote) quotes = {*options.quote};
  std::optional<DialectScore> best;
  int priority = 0;
  for (char quote : quotes) {
    std::vector<char> escapes = {quote, '\\'};
    if (options.escape) escapes = {*options.escape};
    if (quote == '\0') escapes = {'\0'};
    for (char escape : escapes) {
      for (char delimiter : delimiters) {
        if (delimiter == quote || (escape != quote && escape == delimiter)) continue;
        CsvDialect dialect;
        dialect.delimiter = delimiter;
        dialect.quote = quote;
        dialect.escape = escape;
        DialectScore score = ScoreDialect(head, start, head_is_whole, dialect);
        score.priority = priority++;
        if (!best || Better(score, *best)) best = score;
      }
    }
  }
  CsvDialect dialect = best ? best->dialect : CsvDialect{};
  dialect.trailing_delimiter = options.trailing_delimiter.value_or(best && best->all_trailing);
  return dialect;
}

CsvDialect DefaultDialect(const CsvOptions& options) {
  CsvDialect dialect;
  dialect.delimiter = options.delimiter.value_or(',');
  dialect.quote = options.quote.value_or('"');
  dialect.escape = options.escape.value_or(dialect.quote);
  dialect.trailing_delimiter = options.trailing_delimiter.value_or(false);
  return dialect;
}

bool HasLoneCarriageReturns(const std::string& head) {
  const size_t cr = head.find('\r');
  return cr != std::string::npos && cr + 1 < head.size() && head[cr + 1] != '\n';
}

[[noreturn]] void ThrowSchemaMismatch(const CsvOptions& options, const CsvInput& input,
                                      size_t given, const char* what, size_t found) {
  throw Error(sqlstate::kInvalidParameterValue, options.error_context + ": " + DescribeCsvSource(input.name()) +
                                                    " has " + std::to_string(found) +
                                                    " columns but " + std::to_string(given) +
                                                    " column " + what + " were given");
}

// Feeds the rows of `batch` (those with `columns` fields, or any when columns == 0)
// to the detector. Returns the first row's field count.
void FeedRows(const CsvRowBatch& batch, const CsvDialect& dialect, CsvTypeDetector& detector,
              uint32_t& columns) {
  std::vector<std::string> values;
  std::vector<bool> quoted;
  std::string text;
  for (uint32_t row = 0; row < batch.num_rows(); ++row) {
    uint32_t count = batch.FieldCount(row);
    if (dialect.trailing_delimiter && count > 1) {
      const CsvField& last = batch.Field(row, count - 1);
      if (last.length == 0 && last.flags == 0) --count;
    }
    if (columns == 0) columns = count;
    if (count != columns) continue;
    values.resize(count);
    quoted.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
      const CsvField& field = batch.Field(row, i);
      if (field.flags & CsvField::kRaw) {
        UnescapeCsvField(batch.data + field.begin, field.length, dialect, text);
        values[i] = text;
      } else {
        values[i].assign(batch.data + field.begin, field.length);
      }
      quoted[i] = (field.flags & CsvField::kQuoted) != 0;
    }
    detector.AddRow(values, quoted);
  }
}

// Fills header, names, types, formats and data start of `schema` (whose dialect is
// set). `header` unset: detect it.
void DetectSchema(const CsvInput& input, const CsvOptions& options, std::optional<bool> header,
                  CsvFileSchema& schema) {
  const bool detect_types =
      options.auto_detect && !options.all_varchar && options.column_types.empty();
  CsvTypeDetector detector(options.null_string);
  uint32_t columns = 0;
  CsvRowReaderOptions reader_options;
  reader_options.max_line_size = options.max_line_size;
  reader_options.block_size = kSniffBlockBytes;
  reader_options.error_context = options.error_context;
  CsvRowReader reader(input, schema.dialect, reader_options);
  reader.SkipRows(options.skip_rows);
  CsvRowBatch batch;
  uint64_t sampled = 0;
  const uint64_t sample_rows = std::max<uint64_t>(options.sample_size, 1);
  // With nothing to detect, the first row is enough to count the columns.
  const uint64_t wanted = detect_types || !header ? sample_rows + 1 : 1;
  while (sampled < wanted && reader.NextRows(batch, static_cast<uint32_t>(std::min<uint64_t>(
                                                        wanted - sampled, 2048)))) {
    sampled += batch.num_rows();
    FeedRows(batch, schema.dialect, detector, columns);
  }
  // A few chunks further on catch types that only show up later (a NULL-free first
  // part, a decimal point after row 20,000). Their start is a guess (not in quotes);
  // a chunk that does not parse cleanly is ignored.
  const uint64_t sampled_up_to = reader.position();
  if (detect_types && columns > 0 && input.size() > sampled_up_to + kChunkBytes) {
    for (int chunk = 1; chunk <= kLaterChunks; ++chunk) {
      const uint64_t offset =
          sampled_up_to + (input.size() - sampled_up_to) * chunk / (kLaterChunks + 1);
      try {
        CsvRowReaderOptions chunk_options = reader_options;
        chunk_options.begin = offset - 1;
        chunk_options.row_limit = offset + kChunkBytes;
        chunk_options.block_size = kChunkBytes * 2;
        CsvRowReader chunk_reader(input, schema.dialect, chunk_options);
        chunk_reader.SeekRowStart(false);
        CsvRowBatch chunk_batch;
        while (chunk_reader.NextRows(chunk_batch, 2048)) {
          FeedRows(chunk_batch, schema.dialect, detector, columns);
        }
      } catch (const Error&) {
        // An unlucky start inside quotes; the head sample still counts.
      }
    }
  }
  if (columns == 0) {
    columns = static_cast<uint32_t>(
        std::max<size_t>({options.column_types.size(), options.column_names.size(), 1}));
  }
  schema.header = header.value_or(options.auto_detect && detector.FirstRowIsHeader());
  if (!options.column_types.empty()) {
    if (options.column_types.size() != columns && detector.has_first_row()) {
      ThrowSchemaMismatch(options, input, options.column_types.size(), "types", columns);
    }
    schema.types = options.column_types;
    columns = static_cast<uint32_t>(schema.types.size());
  } else if (detect_types && detector.num_columns() == columns) {
    schema.types = detector.Types(schema.header);
  } else {
    schema.types.assign(columns, TypeId::kVarchar);
  }
  if (!options.column_names.empty()) {
    if (options.column_names.size() != columns && detector.has_first_row()) {
      ThrowSchemaMismatch(options, input, options.column_names.size(), "names", columns);
    }
    schema.names = MakeCsvColumnNames(options.column_names, columns);
  } else if (schema.header) {
    schema.names = MakeCsvColumnNames(detector.first_row(), columns);
  } else {
    schema.names = MakeCsvColumnNames({}, columns);
  }
  schema.date_format = options.date_format;
  if (schema.date_format.empty() && detect_types) {
    schema.date_format = detector.DateFormat(schema.header);
  }
  schema.timestamp_format = options.timestamp_format;
  CsvRowReader start_reader(input, schema.dialect, reader_options);
  start_reader.SkipRows(options.skip_rows + (schema.header ? 1 : 0));
  schema.data_start = start_reader.position();
  schema.data_start_line = start_reader.line();
}

}  // namespace

CsvFileSchema SniffCsv(const CsvInput& input, const CsvOptions& options) {
  CsvFileSchema schema;
  const std::string head = ReadHead(input);
  const bool head_is_whole = input.size() <= kHeadBytes;
  schema.dialect =
      options.auto_detect ? DetectDialect(head, head_is_whole, options) : DefaultDialect(options);
  schema.cr_line_endings = HasLoneCarriageReturns(head);
  std::optional<bool> header = options.header;
  if (!options.auto_detect && !header) header = false;
  DetectSchema(input, options, header, schema);
  return schema;
}

CsvFileSchema SniffCsvLike(const CsvInput& input, const CsvOptions& options,
                           const CsvFileSchema& first) {
  CsvFileSchema schema;
  schema.dialect = first.dialect;
  schema.cr_line_endings = first.cr_line_endings || HasLoneCarriageReturns(ReadHead(input));
  DetectSchema(input, options, first.header, schema);
  if (schema.types.size() == first.names.size()) schema.names = first.names;
  if (options.date_format.empty() && schema.date_format != first.date_format) {
    // Files that disagree on a non-ISO date format cannot share one; reading falls
    // back to PostgreSQL's syntax for the other file's dates.
    schema.date_format = first.date_format;
  }
  return schema;
}

}  // namespace basin
