#include "common/tzif.h"

namespace basin {

namespace {

constexpr size_t kHeaderSize = 44;

// A bounds-checked big-endian reader: every read past the end fails the parse.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  bool Skip(uint64_t count) {
    if (count > bytes_.size() - position_) return false;
    position_ += count;
    return true;
  }
  bool ReadUnsigned(int width, uint64_t& value) {
    if (static_cast<size_t>(width) > bytes_.size() - position_) return false;
    value = 0;
    for (int i = 0; i < width; ++i) value = (value << 8) | static_cast<uint8_t>(bytes_[position_++]);
    return true;
  }
  bool ReadSigned(int width, int64_t& value) {
    uint64_t raw = 0;
    if (!ReadUnsigned(width, raw)) return false;
    value = width == 4 ? static_cast<int64_t>(static_cast<int32_t>(raw)) : static_cast<int64_t>(raw);
    return true;
  }
  size_t position() const { return position_; }
  std::string_view Rest() const { return bytes_.substr(position_); }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

struct Header {
  char version = 0;
  uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

bool ReadHeader(ByteReader& reader, Header& header) {
  const std::string_view rest = reader.Rest();
  if (rest.size() < kHeaderSize || rest.substr(0, 4) != "TZif") return false;
  header.version = rest[4];
  reader.Skip(20);
  return reader.ReadUnsigned(4, header.isutcnt) && reader.ReadUnsigned(4, header.isstdcnt) &&
         reader.ReadUnsigned(4, header.leapcnt) && reader.ReadUnsigned(4, header.timecnt) &&
         reader.ReadUnsigned(4, header.typecnt) && reader.ReadUnsigned(4, header.charcnt);
}

// Reads one data block whose times are `time_width` bytes wide.
bool ReadBlock(ByteReader& reader, const Header& header, int time_width, TzifData& data) {
  // Counts beyond these cannot come from zic; refusing them bounds the allocations.
  if (header.typecnt == 0 || header.typecnt > 256 || header.timecnt > 100000 ||
      header.charcnt > 65536) {
    return false;
  }
  data.transition_times.resize(header.timecnt);
  for (auto& time : data.transition_times) {
    if (!reader.ReadSigned(time_width, time)) return false;
  }
  data.transition_types.resize(header.timecnt);
  for (auto& type : data.transition_types) {
    uint64_t index = 0;
    if (!reader.ReadUnsigned(1, index) || index >= header.typecnt) return false;
    type = static_cast<uint8_t>(index);
  }
  std::vector<uint64_t> designation_index(header.typecnt);
  data.types.resize(header.typecnt);
  for (uint64_t i = 0; i < header.typecnt; ++i) {
    int64_t offset = 0;
    uint64_t is_dst = 0;
    if (!reader.ReadSigned(4, offset) || !reader.ReadUnsigned(1, is_dst) ||
        !reader.ReadUnsigned(1, designation_index[i])) {
      return false;
    }
    // RFC 8536 bounds offsets to (-25h, 26h); PostgreSQL's displacements to 15:59.
    if (offset <= -25 * 3600 || offset >= 26 * 3600 || designation_index[i] >= header.charcnt) {
      return false;
    }
    data.types[i].utc_offset = static_cast<int32_t>(offset);
    data.types[i].is_dst = is_dst != 0;
  }
  const std::string_view designations = reader.Rest().substr(0, header.charcnt);
  if (designations.size() != header.charcnt) return false;
  for (uint64_t i = 0; i < header.typecnt; ++i) {
    const std::string_view tail = designations.substr(designation_index[i]);
    data.types[i].abbreviation = std::string(tail.substr(0, tail.find('\0')));
  }
  for (size_t i = 1; i < data.transition_times.size(); ++i) {
    if (data.transition_times[i] <= data.transition_times[i - 1]) return false;
  }
  const uint64_t leap_record = static_cast<uint64_t>(time_width) + 4;
  return reader.Skip(header.charcnt) && reader.Skip(header.leapcnt * leap_record) &&
         reader.Skip(header.isstdcnt) && reader.Skip(header.isutcnt);
}

}  // namespace

std::optional<TzifData> ParseTzif(std::string_view bytes) {
  ByteReader reader(bytes);
  Header header;
  if (!ReadHeader(reader, header)) return std::nullopt;
  TzifData data;
  if (!ReadBlock(reader, header, 4, data)) return std::nullopt;
  if (header.version == '\0') return data;
  // Version 2+: the 32-bit block only serves old readers; a second header and a
  // 64-bit block follow, then the footer "\n<POSIX rule>\n".
  Header header64;
  data = TzifData();
  if (!ReadHeader(reader, header64) || !ReadBlock(reader, header64, 8, data)) {
    return std::nullopt;
  }
  const std::string_view rest = reader.Rest();
  if (rest.size() >= 2 && rest.front() == '\n') {
    const size_t end = rest.find('\n', 1);
    if (end == std::string_view::npos) return std::nullopt;
    data.footer = std::string(rest.substr(1, end - 1));
  }
  return data;
}

}  // namespace basin
