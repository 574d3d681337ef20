#include "tpch/tpch_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "common/datetime.h"
#include "tpch/tpch_random.h"
#include "tpch/tpch_text.h"

namespace basin::tpch {

namespace {

// Seeds of the per-table random streams; any distinct values do.
constexpr uint64_t kRegionSeed = 11;
constexpr uint64_t kNationSeed = 12;
constexpr uint64_t kSupplierSeed = 13;
constexpr uint64_t kCustomerSeed = 14;
constexpr uint64_t kPartSeed = 15;
constexpr uint64_t kPartSuppSeed = 16;
constexpr uint64_t kOrdersSeed = 17;

// Clause 4.2.3: STARTDATE, CURRENTDATE and ENDDATE.
const int32_t kStartDate = static_cast<int32_t>(DaysFromCivil(1992, 1, 1));
const int32_t kCurrentDate = static_cast<int32_t>(DaysFromCivil(1995, 6, 17));
const int32_t kEndDate = static_cast<int32_t>(DaysFromCivil(1998, 12, 31));

// 5 of every 10,000 suppliers complain and 5 recommend (clause 4.2.3, s_comment):
// query 16 filters them out.
constexpr int kCommentsPerTenThousand = 5;

int64_t Scaled(double base, double scale_factor) {
  return std::max<int64_t>(1, std::llround(base * scale_factor));
}

// Writes string values: AddString copies; Static points at bytes that outlive every
// table (the text pool, string literals).
void SetString(Vector& column, uint32_t row, std::string_view text) {
  column.data<StringRef>()[row] = column.AddString(text);
}
void SetStatic(Vector& column, uint32_t row, std::string_view text) {
  column.data<StringRef>()[row] = StringRef(text);
}

std::string_view NumberedName(char* buffer, const char* prefix, int64_t number) {
  const int length = std::snprintf(buffer, 32, "%s%09lld", prefix, static_cast<long long>(number));
  return {buffer, static_cast<size_t>(length)};
}

// Clause 4.2.2.7: random alphanumeric text of length [min, max] (addresses).
std::string_view RandomVString(char* buffer, RowRandom& random, int min_length, int max_length) {
  static constexpr char kAlphabet[] =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.  ";
  const int length = static_cast<int>(random.Uniform(min_length, max_length));
  for (int i = 0; i < length; ++i) buffer[i] = kAlphabet[random.Uniform(0, sizeof(kAlphabet) - 2)];
  return {buffer, static_cast<size_t>(length)};
}

// Clause 4.2.2.9: country code (nation + 10) and three random local parts.
std::string_view Phone(char* buffer, RowRandom& random, int32_t nation) {
  const int length = std::snprintf(buffer, 32, "%02d-%03d-%03d-%04d", nation + 10,
                                   static_cast<int>(random.Uniform(100, 999)),
                                   static_cast<int>(random.Uniform(100, 999)),
                                   static_cast<int>(random.Uniform(1000, 9999)));
  return {buffer, static_cast<size_t>(length)};
}

}  // namespace

int64_t TpchRetailPriceCents(int64_t partkey) {
  return 90000 + ((partkey / 10) % 20001) + 100 * (partkey % 1000);
}

int64_t TpchPartSupplier(int64_t partkey, int i, int64_t suppliers) {
  return (partkey + i * (suppliers / 4 + (partkey - 1) / suppliers)) % suppliers + 1;
}

int64_t TpchOrderKey(int64_t ordinal) { return ((ordinal >> 3) << 5) | (ordinal & 7); }

TpchGenerator::TpchGenerator(double scale_factor)
    : scale_factor_(scale_factor),
      suppliers_(Scaled(10'000, scale_factor)),
      parts_(Scaled(200'000, scale_factor)),
      customers_(std::max<int64_t>(2, Scaled(150'000, scale_factor))),
      orders_(Scaled(1'500'000, scale_factor)),
      clerks_(Scaled(1'000, scale_factor)) {}

uint64_t TpchGenerator::NumRows(TpchTable table) const {
  switch (table) {
    case TpchTable::kRegion: return 5;
    case TpchTable::kNation: return 25;
    case TpchTable::kSupplier: return suppliers_;
    case TpchTable::kCustomer: return customers_;
    case TpchTable::kPart: return parts_;
    case TpchTable::kPartSupp: return 4 * parts_;
    case TpchTable::kOrders: return orders_;
    case TpchTable::kLineitem: return 0;
  }
  return 0;
}

uint64_t TpchGenerator::NumChunks(TpchTable table) const {
  return (NumRows(table) + kBatchSize - 1) / kBatchSize;
}

void TpchGenerator::Generate(TpchTable table, uint64_t index, Batch& out,
                             std::vector<Batch>* lineitem) const {
  const uint64_t first = index * kBatchSize;
  const auto count = static_cast<uint32_t>(std::min<uint64_t>(kBatchSize, NumRows(table) - first));
  out.Initialize(TpchTypes(table));
  switch (table) {
    case TpchTable::kRegion: MakeRegion(first, count, out); break;
    case TpchTable::kNation: MakeNation(first, count, out); break;
    case TpchTable::kSupplier: MakeSupplier(first, count, out); break;
    case TpchTable::kCustomer: MakeCustomer(first, count, out); break;
    case TpchTable::kPart: MakePart(first, count, out); break;
    case TpchTable::kPartSupp: MakePartSupp(first, count, out); break;
    case TpchTable::kOrders: MakeOrders(first, count, out, *lineitem); break;
    case TpchTable::kLineitem: break;
  }
  out.size = count;
}

void TpchGenerator::MakeRegion(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t row = first + i;
    RowRandom random(kRegionSeed, row);
    out.columns[0].data<int32_t>()[i] = static_cast<int32_t>(row);
    SetStatic(out.columns[1], i, kRegions[row]);
    SetStatic(out.columns[2], i, pool.Text(random, 31, 115));
  }
}

void TpchGenerator::MakeNation(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t row = first + i;
    RowRandom random(kNationSeed, row);
    out.columns[0].data<int32_t>()[i] = static_cast<int32_t>(row);
    SetStatic(out.columns[1], i, kNations[row].name);
    out.columns[2].data<int32_t>()[i] = kNations[row].region;
    SetStatic(out.columns[3], i, pool.Text(random, 31, 114));
  }
}

void TpchGenerator::MakeSupplier(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  char buffer[64];
  std::string comment;
  for (uint32_t i = 0; i < count; ++i) {
    const int64_t key = static_cast<int64_t>(first + i) + 1;
    RowRandom random(kSupplierSeed, key);
    out.columns[0].data<int64_t>()[i] = key;
    SetString(out.columns[1], i, NumberedName(buffer, "Supplier#", key));
    SetString(out.columns[2], i, RandomVString(buffer, random, 10, 40));
    const auto nation = static_cast<int32_t>(random.Uniform(0, 24));
    out.columns[3].data<int32_t>()[i] = nation;
    SetString(out.columns[4], i, Phone(buffer, random, nation));
    out.columns[5].data<int64_t>()[i] = random.Uniform(-99'999, 999'999);
    std::string_view text = pool.Text(random, 25, 100);
    const int64_t special = random.Uniform(0, 9'999);
    if (special < 2 * kCommentsPerTenThousand) {
      // "...Customer <text> Complaints..." (or Recommends) inside the comment.
      const size_t split = static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(text.size()) / 2));
      comment.assign(text.substr(0, split));
      comment += "Customer ";
      comment += text.substr(split, std::min<size_t>(10, text.size() - split));
      comment += special < kCommentsPerTenThousand ? " Complaints" : " Recommends";
      SetString(out.columns[6], i, comment);
    } else {
      SetStatic(out.columns[6], i, text);
    }
  }
}

void TpchGenerator::MakeCustomer(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  char buffer[64];
  for (uint32_t i = 0; i < count; ++i) {
    const int64_t key = static_cast<int64_t>(first + i) + 1;
    RowRandom random(kCustomerSeed, key);
    out.columns[0].data<int64_t>()[i] = key;
    SetString(out.columns[1], i, NumberedName(buffer, "Customer#", key));
    SetString(out.columns[2], i, RandomVString(buffer, random, 10, 40));
    const auto nation = static_cast<int32_t>(random.Uniform(0, 24));
    out.columns[3].data<int32_t>()[i] = nation;
    SetString(out.columns[4], i, Phone(buffer, random, nation));
    out.columns[5].data<int64_t>()[i] = random.Uniform(-99'999, 999'999);
    SetStatic(out.columns[6], i, kSegments[random.Uniform(0, 4)]);
    SetStatic(out.columns[7], i, pool.Text(random, 29, 116));
  }
}

void TpchGenerator::MakePart(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  std::string text;
  for (uint32_t i = 0; i < count; ++i) {
    const int64_t key = static_cast<int64_t>(first + i) + 1;
    RowRandom random(kPartSeed, key);
    out.columns[0].data<int64_t>()[i] = key;
    // p_name: five distinct colors.
    int picked[5];
    text.clear();
    for (int w = 0; w < 5; ++w) {
      int color;
      do {
        color = static_cast<int>(random.Uniform(0, kNumColors - 1));
      } while (std::find(picked, picked + w, color) != picked + w);
      picked[w] = color;
      if (w > 0) text.push_back(' ');
      text += kColors[color];
    }
    SetString(out.columns[1], i, text);
    const int manufacturer = static_cast<int>(random.Uniform(1, 5));
    text = "Manufacturer#" + std::to_string(manufacturer);
    SetString(out.columns[2], i, text);
    text = "Brand#" + std::to_string(manufacturer * 10 + random.Uniform(1, 5));
    SetString(out.columns[3], i, text);
    text = kTypeSyllable1[random.Uniform(0, 5)];
    text += ' ';
    text += kTypeSyllable2[random.Uniform(0, 4)];
    text += ' ';
    text += kTypeSyllable3[random.Uniform(0, 4)];
    SetString(out.columns[4], i, text);
    out.columns[5].data<int32_t>()[i] = static_cast<int32_t>(random.Uniform(1, 50));
    text = kContainerSyllable1[random.Uniform(0, 4)];
    text += ' ';
    text += kContainerSyllable2[random.Uniform(0, 7)];
    SetString(out.columns[6], i, text);
    out.columns[7].data<int64_t>()[i] = TpchRetailPriceCents(key);
    SetStatic(out.columns[8], i, pool.Text(random, 5, 22));
  }
}

void TpchGenerator::MakePartSupp(uint64_t first, uint32_t count, Batch& out) const {
  const TextPool& pool = TextPool::Get();
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t row = first + i;
    RowRandom random(kPartSuppSeed, row);
    const int64_t part = static_cast<int64_t>(row / 4) + 1;
    out.columns[0].data<int64_t>()[i] = part;
    out.columns[1].data<int64_t>()[i] = TpchPartSupplier(part, static_cast<int>(row % 4), suppliers_);
    out.columns[2].data<int64_t>()[i] = random.Uniform(1, 9'999);
    out.columns[3].data<int64_t>()[i] = random.Uniform(100, 100'000);
    SetStatic(out.columns[4], i, pool.Text(random, 49, 198));
  }
}

void TpchGenerator::MakeOrders(uint64_t first, uint32_t count, Batch& out,
                               std::vector<Batch>& lineitem) const {
  const TextPool& pool = TextPool::Get();
  const std::vector<LogicalType> line_types = TpchTypes(TpchTable::kLineitem);
  char buffer[64];
  Batch* lines = nullptr;
  auto next_line = [&]() -> uint32_t {
    if (lines == nullptr || lines->size == kBatchSize) {
      lineitem.emplace_back(line_types);
      lines = &lineitem.back();
    }
    return lines->size++;
  };
  for (uint32_t i = 0; i < count; ++i) {
    const int64_t ordinal = static_cast<int64_t>(first + i) + 1;
    const int64_t key = TpchOrderKey(ordinal);
    RowRandom random(kOrdersSeed, ordinal);
    // A third of the customers (keys divisible by 3) never order.
    int64_t customer = random.Uniform(1, customers_);
    if (customer % 3 == 0) customer += customer != customers_ ? 1 : -1;
    const auto order_date = static_cast<int32_t>(random.Uniform(kStartDate, kEndDate - 151));
    out.columns[0].data<int64_t>()[i] = key;
    out.columns[1].data<int64_t>()[i] = customer;
    out.columns[4].data<int32_t>()[i] = order_date;
    SetStatic(out.columns[5], i, kPriorities[random.Uniform(0, 4)]);
    SetString(out.columns[6], i, NumberedName(buffer, "Clerk#", random.Uniform(1, clerks_)));
    out.columns[7].data<int32_t>()[i] = 0;
    SetStatic(out.columns[8], i, pool.Text(random, 19, 78));

    const int num_lines = static_cast<int>(random.Uniform(1, 7));
    int64_t total_cents = 0;
    int shipped = 0;  // lines with status F
    for (int line = 1; line <= num_lines; ++line) {
      const uint32_t row = next_line();
      std::vector<Vector>& c = lines->columns;
      const int64_t part = random.Uniform(1, parts_);
      const int64_t quantity = random.Uniform(1, 50);
      const int64_t extended = quantity * TpchRetailPriceCents(part);
      const int64_t discount = random.Uniform(0, 10);
      const int64_t tax = random.Uniform(0, 8);
      const auto ship_date = static_cast<int32_t>(order_date + random.Uniform(1, 121));
      const auto commit_date = static_cast<int32_t>(order_date + random.Uniform(30, 90));
      const auto receipt_date = static_cast<int32_t>(ship_date + random.Uniform(1, 30));
      c[0].data<int64_t>()[row] = key;
      c[1].data<int64_t>()[row] = part;
      c[2].data<int64_t>()[row] =
          TpchPartSupplier(part, static_cast<int>(random.Uniform(0, 3)), suppliers_);
      c[3].data<int64_t>()[row] = line;
      c[4].data<int64_t>()[row] = quantity * 100;
      c[5].data<int64_t>()[row] = extended;
      c[6].data<int64_t>()[row] = discount;
      c[7].data<int64_t>()[row] = tax;
      const bool returned_flag = random.Uniform(0, 1) == 0;
      SetStatic(c[8], row, receipt_date <= kCurrentDate ? (returned_flag ? "R" : "A") : "N");
      const bool open = ship_date > kCurrentDate;
      SetStatic(c[9], row, open ? "O" : "F");
      shipped += open ? 0 : 1;
      c[10].data<int32_t>()[row] = ship_date;
      c[11].data<int32_t>()[row] = commit_date;
      c[12].data<int32_t>()[row] = receipt_date;
      SetStatic(c[13], row, kShipInstructions[random.Uniform(0, 3)]);
      SetStatic(c[14], row, kShipModes[random.Uniform(0, 6)]);
      SetStatic(c[15], row, pool.Text(random, 10, 43));
      // Rounded to cents per line, as dbgen sums o_totalprice.
      total_cents += (extended * (100 - discount) * (100 + tax) + 5'000) / 10'000;
    }
    SetStatic(out.columns[2], i, shipped == num_lines ? "F" : shipped == 0 ? "O" : "P");
    out.columns[3].data<int64_t>()[i] = total_cents;
  }
}

}  // namespace basin::tpch
