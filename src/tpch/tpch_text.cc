#include "tpch/tpch_text.h"

#include <string>
#include <vector>

namespace basin::tpch {

const char* const kColors[kNumColors] = {
    "almond",    "antique",   "aquamarine", "azure",     "beige",     "bisque",    "black",
    "blanched",  "blue",      "blush",      "brown",     "burlywood", "burnished", "chartreuse",
    "chiffon",   "chocolate", "coral",      "cornflower", "cornsilk", "cream",     "cyan",
    "dark",      "deep",      "dim",        "dodger",    "drab",      "firebrick", "floral",
    "forest",    "frosted",   "gainsboro",  "ghost",     "goldenrod", "green",     "grey",
    "honeydew",  "hot",       "indian",     "ivory",     "khaki",     "lace",      "lavender",
    "lawn",      "lemon",     "light",      "lime",      "linen",     "magenta",   "maroon",
    "medium",    "metallic",  "midnight",   "mint",      "misty",     "moccasin",  "navajo",
    "navy",      "olive",     "orange",     "orchid",    "pale",      "papaya",    "peach",
    "peru",      "pink",      "plum",       "powder",    "puff",      "purple",    "red",
    "rose",      "rosy",      "royal",      "saddle",    "salmon",    "sandy",     "seashell",
    "sienna",    "sky",       "slate",      "smoke",     "snow",      "spring",    "steel",
    "tan",       "thistle",   "tomato",     "turquoise", "violet",    "wheat",     "white",
    "yellow"};
const char* const kTypeSyllable1[6] = {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"};
const char* const kTypeSyllable2[5] = {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"};
const char* const kTypeSyllable3[5] = {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"};
const char* const kContainerSyllable1[5] = {"SM", "LG", "MED", "JUMBO", "WRAP"};
const char* const kContainerSyllable2[8] = {"CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"};
const char* const kSegments[5] = {"AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"};
const char* const kPriorities[5] = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
const char* const kShipInstructions[4] = {"DELIVER IN PERSON", "COLLECT COD", "NONE",
                                          "TAKE BACK RETURN"};
const char* const kShipModes[7] = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};

const NationInfo kNations[25] = {
    {"ALGERIA", 0}, {"ARGENTINA", 1},  {"BRAZIL", 1},       {"CANADA", 1},         {"EGYPT", 4},
    {"ETHIOPIA", 0}, {"FRANCE", 3},    {"GERMANY", 3},      {"INDIA", 2},          {"INDONESIA", 2},
    {"IRAN", 4},    {"IRAQ", 4},       {"JAPAN", 2},        {"JORDAN", 4},         {"KENYA", 0},
    {"MOROCCO", 0}, {"MOZAMBIQUE", 0}, {"PERU", 1},         {"CHINA", 2},          {"ROMANIA", 3},
    {"SAUDI ARABIA", 4}, {"VIETNAM", 2}, {"RUSSIA", 3},     {"UNITED KINGDOM", 3}, {"UNITED STATES", 1}};
const char* const kRegions[5] = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};

namespace {

struct Weighted {
  const char* text;
  int weight;
};

// dists.dss's word lists with their weights.
const std::vector<Weighted> kNouns = {
    {"foxes", 50},        {"ideas", 50},        {"theodolites", 50}, {"pinto beans", 50},
    {"instructions", 50}, {"dependencies", 50}, {"excuses", 50},     {"platelets", 50},
    {"asymptotes", 50},   {"courts", 50},       {"dolphins", 50},    {"multipliers", 1},
    {"sauternes", 1},     {"warthogs", 1},      {"frets", 1},        {"dinos", 1},
    {"attainments", 1},   {"somas", 1},         {"Tiresias", 1},     {"patterns", 1},
    {"forges", 1},        {"braids", 1},        {"frays", 1},        {"warhorses", 1},
    {"dugouts", 1},       {"notornis", 1},      {"epitaphs", 1},     {"pearls", 1},
    {"tithes", 1},        {"waters", 1},        {"orbits", 1},       {"gifts", 1},
    {"sheaves", 1},       {"depths", 1},        {"sentiments", 1},   {"decoys", 1},
    {"realms", 1},        {"pains", 1},         {"grouches", 1},     {"escapades", 1},
    {"hockey players", 1}, {"packages", 40},    {"requests", 40},    {"accounts", 40},
    {"deposits", 40}};
const std::vector<Weighted> kVerbs = {
    {"sleep", 20},    {"wake", 20},     {"are", 20},    {"cajole", 20},  {"haggle", 20},
    {"nag", 10},      {"use", 10},      {"boost", 10},  {"affix", 5},    {"detect", 5},
    {"integrate", 5}, {"maintain", 1},  {"nod", 1},     {"was", 1},      {"lose", 1},
    {"sublate", 1},   {"solve", 1},     {"thrash", 1},  {"promise", 1},  {"engage", 1},
    {"hinder", 1},    {"print", 1},     {"x-ray", 1},   {"breach", 1},   {"eat", 1},
    {"grow", 1},      {"impress", 1},   {"mold", 1},    {"poach", 1},    {"serve", 1},
    {"run", 1},       {"dazzle", 1},    {"snooze", 1},  {"doze", 1},     {"unwind", 1},
    {"kindle", 1},    {"play", 1},      {"hang", 1},    {"believe", 1},  {"doubt", 1}};
const std::vector<Weighted> kAdjectives = {
    {"special", 20},  {"pending", 20},   {"unusual", 20},  {"express", 20}, {"furious", 1},
    {"sly", 1},       {"careful", 1},    {"blithe", 1},    {"quick", 1},    {"fluffy", 1},
    {"slow", 1},      {"quiet", 1},      {"ruthless", 1},  {"thin", 1},     {"close", 1},
    {"dogged", 1},    {"daring", 1},     {"brave", 1},     {"stealthy", 1}, {"permanent", 1},
    {"enticing", 1},  {"idle", 1},       {"busy", 1},      {"regular", 50}, {"final", 40},
    {"ironic", 40},   {"even", 30},      {"bold", 20},     {"silent", 10}};
const std::vector<Weighted> kAdverbs = {
    {"sometimes", 1},  {"always", 1},      {"never", 1},       {"furiously", 50},
    {"slyly", 50},     {"carefully", 50},  {"blithely", 40},   {"quickly", 30},
    {"fluffily", 20},  {"slowly", 1},      {"quietly", 1},     {"ruthlessly", 1},
    {"thinly", 1},     {"closely", 1},     {"doggedly", 1},    {"daringly", 1},
    {"bravely", 1},    {"stealthily", 1},  {"permanently", 1}, {"enticingly", 1},
    {"idly", 1},       {"busily", 1},      {"regularly", 1},   {"finally", 1},
    {"ironically", 1}, {"evenly", 1},      {"boldly", 1},      {"silently", 1}};
const std::vector<Weighted> kPrepositions = {
    {"about", 50},     {"above", 50},       {"according to", 50}, {"across", 50},
    {"after", 50},     {"against", 40},     {"along", 40},        {"alongside of", 30},
    {"among", 30},     {"around", 20},      {"at", 10},           {"atop", 1},
    {"before", 1},     {"behind", 1},       {"beneath", 1},       {"beside", 1},
    {"besides", 1},    {"between", 1},      {"beyond", 1},        {"by", 1},
    {"despite", 1},    {"during", 1},       {"except", 1},        {"for", 1},
    {"from", 1},       {"in place of", 1},  {"inside", 1},        {"instead of", 1},
    {"into", 1},       {"near", 1},         {"of", 1},            {"on", 1},
    {"outside", 1},    {"over", 1},         {"past", 1},          {"since", 1},
    {"through", 1},    {"throughout", 1},   {"to", 1},            {"toward", 1},
    {"under", 1},      {"until", 1},        {"up", 1},            {"upon", 1},
    {"without", 1},    {"with", 1},         {"within", 1}};
const std::vector<Weighted> kAuxiliaries = {
    {"do", 1},           {"may", 1},           {"might", 1},          {"shall", 1},
    {"will", 1},         {"would", 1},         {"can", 1},            {"could", 1},
    {"should", 1},       {"ought to", 1},      {"must", 1},           {"will have to", 1},
    {"shall have to", 1}, {"could have to", 1}, {"should have to", 1}, {"must have to", 1},
    {"need to", 1},      {"try to", 1}};
const std::vector<Weighted> kTerminators = {{".", 50}, {";", 1}, {":", 1}, {"?", 1}, {"!", 1}, {"--", 1}};
// Sentence shapes: N noun phrase, V verb phrase, P prepositional phrase, T terminator.
const std::vector<Weighted> kSentences = {
    {"NVT", 3}, {"NVPT", 3}, {"NVNT", 3}, {"NPVNT", 1}, {"NPVPT", 1}};
const std::vector<Weighted> kNounPhrases = {{"N", 10}, {"JN", 20}, {"J,JN", 10}, {"DJN", 50}};
const std::vector<Weighted> kVerbPhrases = {{"V", 30}, {"XV", 1}, {"VD", 40}, {"XVD", 1}};

// dbgen uses 300 MB for SF >= 1; 16 MB keeps start-up near 0.1 s while comments of
// up to 200 bytes still rarely repeat.
constexpr size_t kPoolBytes = 16u << 20;

const char* Pick(const std::vector<Weighted>& list, RowRandom& random) {
  int total = 0;
  for (const auto& item : list) total += item.weight;
  int draw = static_cast<int>(random.Uniform(0, total - 1));
  for (const auto& item : list) {
    if (draw < item.weight) return item.text;
    draw -= item.weight;
  }
  return list.back().text;
}

void AppendWord(std::string& out, const char* word) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
  out += word;
}

void AppendNounPhrase(std::string& out, RowRandom& random) {
  for (const char* part = Pick(kNounPhrases, random); *part; ++part) {
    switch (*part) {
      case 'N': AppendWord(out, Pick(kNouns, random)); break;
      case 'J': AppendWord(out, Pick(kAdjectives, random)); break;
      case 'D': AppendWord(out, Pick(kAdverbs, random)); break;
      case ',': out.push_back(','); break;
    }
  }
}

void AppendVerbPhrase(std::string& out, RowRandom& random) {
  for (const char* part = Pick(kVerbPhrases, random); *part; ++part) {
    switch (*part) {
      case 'V': AppendWord(out, Pick(kVerbs, random)); break;
      case 'X': AppendWord(out, Pick(kAuxiliaries, random)); break;
      case 'D': AppendWord(out, Pick(kAdverbs, random)); break;
    }
  }
}

void AppendSentence(std::string& out, RowRandom& random) {
  for (const char* part = Pick(kSentences, random); *part; ++part) {
    switch (*part) {
      case 'N': AppendNounPhrase(out, random); break;
      case 'V': AppendVerbPhrase(out, random); break;
      case 'P':
        AppendWord(out, Pick(kPrepositions, random));
        AppendWord(out, "the");
        AppendNounPhrase(out, random);
        break;
      case 'T': out += Pick(kTerminators, random); break;
    }
  }
  out.push_back(' ');
}

}  // namespace

TextPool::TextPool() {
  text_.reserve(kPoolBytes + 256);
  RowRandom random(/*table_seed=*/0x7E47, /*row=*/0);
  while (text_.size() < kPoolBytes) AppendSentence(text_, random);
  data_ = text_.data();
  size_ = text_.size();
}

const TextPool& TextPool::Get() {
  static const TextPool* pool = new TextPool();  // never freed, like its bytes
  return *pool;
}

std::string_view TextPool::Text(RowRandom& random, int min_length, int max_length) const {
  const auto length = static_cast<size_t>(random.Uniform(min_length, max_length));
  const auto offset = static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(size_ - length)));
  return {data_ + offset, length};
}

}  // namespace basin::tpch
