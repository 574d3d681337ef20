// Statistics, boolean, bitwise, string_agg and interval aggregates, driven through
// their state interface the way the hash aggregate drives them: update() over
// vectors with one state per row, combine() of partial states built by different
// threads, finalize() into a result vector.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/value.h"
#include "common/vector.h"
#include "function/function_registry.h"

namespace basin {
namespace {

bool Accepts(const LogicalType& declared, const LogicalType& actual) {
  if (declared.id() == TypeId::kNull) return true;
  if (declared.id() == TypeId::kDecimal && declared.precision() == 0) {
    return actual.id() == TypeId::kDecimal;
  }
  return declared == actual;
}

// One aggregate overload and the states it is run on; destroys them at the end.
class AggregateHarness {
 public:
  AggregateHarness(const std::string& name, std::vector<LogicalType> types)
      : types_(std::move(types)) {
    const auto* overloads = FunctionRegistry::BuiltIn().FindAggregate(name);
    if (overloads == nullptr) throw std::runtime_error("no aggregate " + name);
    for (const auto& candidate : *overloads) {
      if (candidate->arguments.size() != types_.size()) continue;
      bool match = true;
      for (size_t i = 0; i < types_.size() && match; ++i)
        match = Accepts(candidate->arguments[i], types_[i]);
      if (match) {
        function_ = candidate.get();
        break;
      }
    }
    if (function_ == nullptr)
      throw std::runtime_error("no overload of " + name + " for these types");
    return_type_ = function_->return_type;
    if (function_->bind) data_ = function_->bind(types_, return_type_);
  }
  AggregateHarness(const AggregateHarness&) = delete;
  AggregateHarness& operator=(const AggregateHarness&) = delete;
  ~AggregateHarness() {
    if (!function_->destroy) return;
    for (uint8_t* state : states_) function_->destroy(state);
  }

  const AggregateFunction& function() const { return *function_; }
  const LogicalType& return_type() const { return return_type_; }

  // A fresh state, as a new group or a new thread gets one.
  uint8_t* NewState() {
    // max_align_t is 16-byte aligned, as the hash table aligns states.
    const size_t words =
        (function_->state_size + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    storage_.push_back(std::make_unique<std::max_align_t[]>(words == 0 ? 1 : words));
    uint8_t* state = reinterpret_cast<uint8_t*>(storage_.back().get());
    function_->initialize(state);
    states_.push_back(state);
    return state;
  }

  // Folds row i of every column into targets[i]. A column of one value is passed as
  // a constant vector standing for all rows.
  void Update(const std::vector<std::vector<Value>>& columns,
              const std::vector<uint8_t*>& targets) {
    const uint32_t rows = static_cast<uint32_t>(targets.size());
    std::vector<Vector> vectors;
    for (size_t c = 0; c < columns.size(); ++c) {
      const bool constant = columns[c].size() == 1 && rows > 1;
      Vector vector(types_[c], static_cast<uint32_t>(columns[c].size()));
      for (uint32_t row = 0; row < columns[c].size(); ++row) vector.SetValue(row, columns[c][row]);
      vector.SetConstant(constant);
      vectors.push_back(std::move(vector));
    }
    std::vector<const Vector*> args;
    for (const auto& vector : vectors) args.push_back(&vector);
    std::vector<uint8_t*> pointers = targets;
    function_->update(args, pointers.data(), rows, data_.get());
  }

  // All rows into one state.
  void UpdateAll(const std::vector<std::vector<Value>>& columns, uint8_t* state) {
    size_t rows = 0;
    for (const auto& column : columns) rows = std::max(rows, column.size());
    Update(columns, std::vector<uint8_t*>(rows, state));
  }

  void Combine(const uint8_t* source, uint8_t* target) {
    function_->combine(source, target, data_.get());
  }

  std::vector<Value> Finalize(const std::vector<uint8_t*>& states) {
    Vector result(return_type_, static_cast<uint32_t>(states.size()));
    std::vector<uint8_t*> pointers = states;
    function_->finalize(pointers.data(), static_cast<uint32_t>(states.size()), result, data_.get());
    std::vector<Value> values;
    for (uint32_t row = 0; row < states.size(); ++row) values.push_back(result.GetValue(row));
    return values;
  }
  Value Finalize(uint8_t* state) { return Finalize(std::vector<uint8_t*>{state})[0]; }

  // The result over `columns` with the rows split into parts at `cuts` (row indexes),
  // each part folded into its own state, and the parts combined in order into the
  // first: what parallel execution does.
  Value RunSplit(const std::vector<std::vector<Value>>& columns, const std::vector<size_t>& cuts) {
    size_t rows = 0;
    for (const auto& column : columns) rows = std::max(rows, column.size());
    std::vector<size_t> bounds = {0};
    for (size_t cut : cuts) bounds.push_back(cut);
    bounds.push_back(rows);
    std::vector<uint8_t*> parts;
    for (size_t p = 0; p + 1 < bounds.size(); ++p) {
      uint8_t* part = NewState();
      std::vector<std::vector<Value>> slice;
      for (const auto& column : columns) {
        if (column.size() == 1 && rows > 1) {  // a constant stays one
          slice.push_back(column);
          continue;
        }
        slice.emplace_back(column.begin() + static_cast<std::ptrdiff_t>(bounds[p]),
                           column.begin() + static_cast<std::ptrdiff_t>(bounds[p + 1]));
      }
      if (bounds[p + 1] > bounds[p])
        Update(slice, std::vector<uint8_t*>(bounds[p + 1] - bounds[p], part));
      parts.push_back(part);
    }
    for (size_t p = 1; p < parts.size(); ++p) Combine(parts[p], parts[0]);
    return Finalize(parts[0]);
  }

  Value Run(const std::vector<std::vector<Value>>& columns) { return RunSplit(columns, {}); }

 private:
  std::vector<LogicalType> types_;
  const AggregateFunction* function_ = nullptr;
  LogicalType return_type_;
  std::unique_ptr<FunctionData> data_;
  std::vector<std::unique_ptr<std::max_align_t[]>> storage_;
  std::vector<uint8_t*> states_;
};

Value D(double value) { return Value::Double(value); }
Value NullDouble() { return Value::Null(TypeId::kDouble); }
Value Text(std::string text) { return Value::Varchar(std::move(text)); }
Value NullText() { return Value::Null(TypeId::kVarchar); }
Value Bool(bool value) { return Value::Boolean(value); }
Value Span(int32_t months, int32_t days, int64_t micros) {
  return Value::FromInterval(Interval{months, days, micros});
}

std::vector<Value> Doubles(const std::vector<double>& values) {
  std::vector<Value> out;
  for (double value : values) out.push_back(D(value));
  return out;
}

double AsDouble(const Value& value) {
  EXPECT_FALSE(value.is_null());
  return value.GetDouble();
}

// ---- variance and standard deviation ----

TEST(StatisticsAggregateTest, MatchesPostgresOnSmallInputs) {
  const auto values = Doubles({1, 2, 3, 4});
  // PostgreSQL 15: stddev(x::float8) over 1..4.
  EXPECT_EQ(AsDouble(AggregateHarness("stddev", {TypeId::kDouble}).Run({values})),
            1.2909944487358056);
  EXPECT_EQ(AsDouble(AggregateHarness("stddev_samp", {TypeId::kDouble}).Run({values})),
            1.2909944487358056);
  EXPECT_EQ(AsDouble(AggregateHarness("var_pop", {TypeId::kDouble}).Run({values})), 1.25);
  EXPECT_EQ(AsDouble(AggregateHarness("variance", {TypeId::kDouble}).Run({values})), 5.0 / 3.0);
  EXPECT_EQ(AsDouble(AggregateHarness("var_samp", {TypeId::kDouble}).Run({values})), 5.0 / 3.0);
  EXPECT_EQ(AsDouble(AggregateHarness("stddev_pop", {TypeId::kDouble}).Run({values})),
            std::sqrt(1.25));
}

TEST(StatisticsAggregateTest, SampleOfOneRowIsNullPopulationIsZero) {
  const std::vector<Value> one = {D(7)};
  EXPECT_TRUE(AggregateHarness("var_samp", {TypeId::kDouble}).Run({one}).is_null());
  EXPECT_TRUE(AggregateHarness("stddev", {TypeId::kDouble}).Run({one}).is_null());
  EXPECT_EQ(AsDouble(AggregateHarness("var_pop", {TypeId::kDouble}).Run({one})), 0.0);
  EXPECT_EQ(AsDouble(AggregateHarness("stddev_pop", {TypeId::kDouble}).Run({one})), 0.0);
}

TEST(StatisticsAggregateTest, NoRowsOrOnlyNullsGiveNull) {
  AggregateHarness var_pop("var_pop", {TypeId::kDouble});
  EXPECT_TRUE(var_pop.Finalize(var_pop.NewState()).is_null());
  EXPECT_TRUE(var_pop.Run({{NullDouble(), NullDouble()}}).is_null());
}

TEST(StatisticsAggregateTest, IgnoresNulls) {
  AggregateHarness harness("var_samp", {TypeId::kDouble});
  EXPECT_EQ(AsDouble(harness.Run({{D(1), NullDouble(), D(2), D(3), NullDouble(), D(4)}})),
            5.0 / 3.0);
}

TEST(StatisticsAggregateTest, ConstantVectorCountsOncePerRow) {
  AggregateHarness harness("var_pop", {TypeId::kDouble});
  uint8_t* state = harness.NewState();
  harness.Update({{D(3)}}, {state, state, state});  // one constant standing for three rows
  harness.Update({{D(7)}}, {state});
  EXPECT_EQ(AsDouble(harness.Finalize(state)), 3.0);  // mean 4, deviations 1,1,1,9
}

TEST(StatisticsAggregateTest, CombinedPartialStatesAgreeWithOnePass) {
  std::vector<double> raw;
  for (int i = 0; i < 1000; ++i) raw.push_back(1e9 + (i * 37 % 101) * 0.25);
  const auto values = Doubles(raw);
  for (const char* name : {"var_pop", "var_samp", "stddev_pop", "stddev_samp"}) {
    AggregateHarness harness(name, {TypeId::kDouble});
    const double one_pass = AsDouble(harness.Run({values}));
    EXPECT_NEAR(AsDouble(harness.RunSplit({values}, {1, 400, 401, 999})), one_pass, 1e-9 * one_pass)
        << name;
    EXPECT_NEAR(AsDouble(harness.RunSplit({values}, {0, 500, 1000})), one_pass, 1e-9 * one_pass)
        << name;
  }
}

TEST(StatisticsAggregateTest, StaysAccurateWhenTheMeanDwarfsTheSpread) {
  // Sum-of-squares formulas return 0 or garbage here; deviations keep every digit.
  AggregateHarness harness("var_samp", {TypeId::kDouble});
  EXPECT_EQ(AsDouble(harness.Run({Doubles({1e15 + 1, 1e15 + 2, 1e15 + 3})})), 1.0);
  EXPECT_EQ(AsDouble(harness.RunSplit({Doubles({1e15 + 1, 1e15 + 2, 1e15 + 3})}, {1})), 1.0);
}

TEST(StatisticsAggregateTest, GroupsKeepSeparateStates) {
  AggregateHarness harness("stddev_pop", {TypeId::kDouble});
  uint8_t* a = harness.NewState();
  uint8_t* b = harness.NewState();
  uint8_t* empty = harness.NewState();
  harness.Update({Doubles({1, 10, 3, 10})}, {a, b, a, b});
  const auto results = harness.Finalize({a, b, empty});
  EXPECT_EQ(results[0].GetDouble(), 1.0);
  EXPECT_EQ(results[1].GetDouble(), 0.0);
  EXPECT_TRUE(results[2].is_null());
}

TEST(StatisticsAggregateTest, InfinityAndNanGiveNan) {
  AggregateHarness harness("var_pop", {TypeId::kDouble});
  EXPECT_TRUE(std::isnan(AsDouble(harness.Run({Doubles({INFINITY})}))));
  EXPECT_TRUE(std::isnan(AsDouble(harness.Run({Doubles({INFINITY, 1})}))));
  EXPECT_TRUE(std::isnan(AsDouble(harness.Run({Doubles({1, NAN})}))));
  EXPECT_TRUE(std::isnan(AsDouble(harness.RunSplit({Doubles({1, 2, INFINITY})}, {2}))));
}

TEST(StatisticsAggregateTest, OverflowOfFiniteInputsIsAnError) {
  AggregateHarness harness("var_pop", {TypeId::kDouble});
  try {
    harness.Run({Doubles({1e308, -1e308})});
    FAIL() << "expected an overflow error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), "22003");
    EXPECT_STREQ(error.what(), "value out of range: overflow");
  }
  EXPECT_THROW(harness.RunSplit({Doubles({1e200, -1e200})}, {1}), Error);
}

// ---- two-variable statistics: (y, x) ----

TEST(RegressionAggregateTest, MatchesPostgres) {
  // PostgreSQL 15 over (y, x) = (2,1) (4.5,2) (7.25,3) (3,6), with rows where either
  // value is NULL skipped.
  const std::vector<Value> y = {D(2), D(4.5), D(7.25), NullDouble(), D(1e10), D(3)};
  const std::vector<Value> x = {D(1), D(2), D(3), D(4), NullDouble(), D(6)};
  auto run = [&](const char* name) {
    return AggregateHarness(name, {TypeId::kDouble, TypeId::kDouble}).Run({y, x});
  };
  EXPECT_EQ(AsDouble(run("corr")), 0.03375557474518852);
  EXPECT_EQ(AsDouble(run("covar_pop")), 0.125);
  EXPECT_EQ(AsDouble(run("covar_samp")), 0.16666666666666666);
  EXPECT_EQ(AsDouble(run("regr_slope")), 0.03571428571428571);
  EXPECT_EQ(AsDouble(run("regr_intercept")), 4.080357142857143);
  EXPECT_EQ(AsDouble(run("regr_r2")), 0.0011394388263780088);
  EXPECT_EQ(run("regr_count").GetInt64(), 4);
  EXPECT_EQ(AsDouble(run("regr_avgx")), 3.0);
  EXPECT_EQ(AsDouble(run("regr_avgy")), 4.1875);
  EXPECT_EQ(AsDouble(run("regr_sxx")), 14.0);
  EXPECT_EQ(AsDouble(run("regr_syy")), 15.671875);
  EXPECT_EQ(AsDouble(run("regr_sxy")), 0.5);
}

TEST(RegressionAggregateTest, CombinedPartialStatesAgreeWithOnePass) {
  std::vector<Value> y, x;
  for (int i = 0; i < 500; ++i) {
    x.push_back(i % 7 == 0 ? NullDouble() : D(i * 0.5));
    y.push_back(i % 11 == 0 ? NullDouble() : D(3.0 * i + (i * 13 % 17)));
  }
  for (const char* name :
       {"corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_r2", "regr_avgx",
        "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy"}) {
    AggregateHarness harness(name, {TypeId::kDouble, TypeId::kDouble});
    const double one_pass = AsDouble(harness.Run({y, x}));
    const double split = AsDouble(harness.RunSplit({y, x}, {0, 3, 250, 499}));
    EXPECT_NEAR(split, one_pass, 1e-10 * std::fabs(one_pass)) << name;
  }
  AggregateHarness count("regr_count", {TypeId::kDouble, TypeId::kDouble});
  EXPECT_EQ(count.RunSplit({y, x}, {100, 200}).GetInt64(), count.Run({y, x}).GetInt64());
}

TEST(RegressionAggregateTest, EmptyInputIsNullButCountIsZero) {
  const std::vector<Value> y = {D(1), NullDouble()};
  const std::vector<Value> x = {NullDouble(), D(2)};
  EXPECT_EQ(
      AggregateHarness("regr_count", {TypeId::kDouble, TypeId::kDouble}).Run({y, x}).GetInt64(), 0);
  for (const char* name : {"corr", "covar_pop", "regr_avgx", "regr_sxx"}) {
    EXPECT_TRUE(AggregateHarness(name, {TypeId::kDouble, TypeId::kDouble}).Run({y, x}).is_null())
        << name;
  }
}

TEST(RegressionAggregateTest, VerticalAndHorizontalLines) {
  // x constant: no slope. y constant: slope 0, r2 1 by the standard, corr NULL.
  const std::vector<Value> vertical_y = Doubles({1, 2, 3}), vertical_x = Doubles({5, 5, 5});
  const std::vector<Value> flat_y = Doubles({1, 1, 1}), flat_x = Doubles({5, 6, 7});
  auto run = [](const char* name, const std::vector<Value>& y, const std::vector<Value>& x) {
    return AggregateHarness(name, {TypeId::kDouble, TypeId::kDouble}).Run({y, x});
  };
  EXPECT_TRUE(run("regr_slope", vertical_y, vertical_x).is_null());
  EXPECT_TRUE(run("regr_r2", vertical_y, vertical_x).is_null());
  EXPECT_TRUE(run("corr", vertical_y, vertical_x).is_null());
  EXPECT_EQ(AsDouble(run("covar_samp", vertical_y, vertical_x)), 0.0);
  EXPECT_EQ(AsDouble(run("regr_slope", flat_y, flat_x)), 0.0);
  EXPECT_EQ(AsDouble(run("regr_r2", flat_y, flat_x)), 1.0);
  EXPECT_EQ(AsDouble(run("regr_intercept", flat_y, flat_x)), 1.0);
  EXPECT_TRUE(run("corr", flat_y, flat_x).is_null());
  EXPECT_TRUE(run("covar_samp", {D(1)}, {D(2)}).is_null());
}

TEST(RegressionAggregateTest, ConstantArgument) {
  AggregateHarness harness("regr_sxy", {TypeId::kDouble, TypeId::kDouble});
  uint8_t* state = harness.NewState();
  harness.Update({{D(2)}, Doubles({1, 2, 3})}, {state, state, state});
  EXPECT_EQ(AsDouble(harness.Finalize(state)), 0.0);
  AggregateHarness count("regr_count", {TypeId::kDouble, TypeId::kDouble});
  uint8_t* none = count.NewState();
  count.Update({{NullDouble()}, Doubles({1, 2, 3})}, {none, none, none});
  EXPECT_EQ(count.Finalize(none).GetInt64(), 0);
}

// ---- bool_and, bool_or, every, bit_and, bit_or, bit_xor ----

TEST(BooleanAggregateTest, AndOrEveryWithNullsAndCombine) {
  const std::vector<Value> values = {Bool(true), Value::Null(TypeId::kBoolean), Bool(false),
                                     Bool(true)};
  for (const char* name : {"bool_and", "every"}) {
    AggregateHarness harness(name, {TypeId::kBoolean});
    EXPECT_FALSE(harness.Run({values}).GetBoolean()) << name;
    EXPECT_FALSE(harness.RunSplit({values}, {1, 3}).GetBoolean()) << name;
    EXPECT_TRUE(harness.Run({{Bool(true), Value::Null(TypeId::kBoolean)}}).GetBoolean()) << name;
  }
  AggregateHarness bool_or("bool_or", {TypeId::kBoolean});
  EXPECT_TRUE(bool_or.RunSplit({values}, {2}).GetBoolean());
  EXPECT_FALSE(bool_or.Run({{Bool(false), Bool(false)}}).GetBoolean());
  EXPECT_TRUE(bool_or.Run({{Value::Null(TypeId::kBoolean)}}).is_null());
  EXPECT_TRUE(bool_or.Finalize(bool_or.NewState()).is_null());
}

TEST(BitwiseAggregateTest, AllWidthsWithCombine) {
  const std::vector<Value> ints = {Value::Integer(0b1101), Value::Null(TypeId::kInteger),
                                   Value::Integer(0b0111), Value::Integer(0b0101)};
  EXPECT_EQ(AggregateHarness("bit_and", {TypeId::kInteger}).RunSplit({ints}, {2}).GetInt64(),
            0b0101);
  EXPECT_EQ(AggregateHarness("bit_or", {TypeId::kInteger}).RunSplit({ints}, {1}).GetInt64(),
            0b1111);
  EXPECT_EQ(AggregateHarness("bit_xor", {TypeId::kInteger}).RunSplit({ints}, {3}).GetInt64(),
            0b1111);

  const std::vector<Value> smalls = {Value::SmallInt(-1), Value::SmallInt(0x00F0)};
  AggregateHarness small_and("bit_and", {TypeId::kSmallInt});
  EXPECT_EQ(small_and.return_type().id(), TypeId::kSmallInt);
  EXPECT_EQ(small_and.Run({smalls}).GetInt64(), 0x00F0);
  EXPECT_EQ(AggregateHarness("bit_xor", {TypeId::kSmallInt}).Run({smalls}).GetInt64(),
            int16_t(0xFF0F));

  const std::vector<Value> bigs = {Value::BigInt(INT64_MIN), Value::BigInt(1)};
  AggregateHarness big_or("bit_or", {TypeId::kBigInt});
  EXPECT_EQ(big_or.return_type().id(), TypeId::kBigInt);
  EXPECT_EQ(big_or.RunSplit({bigs}, {1}).GetInt64(), INT64_MIN + 1);
  EXPECT_TRUE(big_or.Run({{Value::Null(TypeId::kBigInt)}}).is_null());
}

// ---- string_agg ----

std::string Agg(AggregateHarness& harness, const std::vector<Value>& values,
                const std::vector<Value>& delimiters, const std::vector<size_t>& cuts = {}) {
  const Value result = harness.RunSplit({values, delimiters}, cuts);
  return result.is_null() ? "NULL" : result.GetString();
}

TEST(StringAggTest, EachRowsDelimiterPrecedesItsValue) {
  AggregateHarness harness("string_agg", {TypeId::kVarchar, TypeId::kVarchar});
  EXPECT_EQ(Agg(harness, {Text("a"), Text("b"), Text("c")}, {Text(",")}),
            "a,b,c");  // constant delimiter
  // The first value's delimiter is dropped; later ones are each row's own.
  EXPECT_EQ(Agg(harness, {Text("a"), Text("b"), Text("c")}, {Text("1"), Text("2"), Text("3")}),
            "a2b3c");
  // A NULL delimiter adds nothing; a NULL value skips the row, delimiter and all.
  EXPECT_EQ(Agg(harness, {Text("a"), Text("b"), NullText(), Text("d")},
                {Text("-"), NullText(), Text("+"), Text("/")}),
            "ab/d");
  EXPECT_EQ(Agg(harness, {NullText(), Text("b"), Text("c")}, {Text("1"), Text("2"), Text("3")}),
            "b3c");
  EXPECT_EQ(Agg(harness, {Text(""), Text("")}, {Text("")}), "");
}

TEST(StringAggTest, NoValuesGiveNull) {
  AggregateHarness harness("string_agg", {TypeId::kVarchar, TypeId::kVarchar});
  EXPECT_EQ(Agg(harness, {NullText(), NullText()}, {Text(",")}), "NULL");
  EXPECT_TRUE(harness.Finalize(harness.NewState()).is_null());
}

TEST(StringAggTest, CombineKeepsTheDelimiterBeforeEachPart) {
  AggregateHarness harness("string_agg", {TypeId::kVarchar, TypeId::kVarchar});
  const std::vector<Value> values = {Text("a"), Text("b"), NullText(), Text("d"), Text("e")};
  const std::vector<Value> delimiters = {Text("1"), Text("2"), Text("3"), Text("4"), NullText()};
  const std::string one_pass = Agg(harness, values, delimiters);
  EXPECT_EQ(one_pass, "a2b4de");
  EXPECT_EQ(Agg(harness, values, delimiters, {1}), one_pass);
  EXPECT_EQ(Agg(harness, values, delimiters, {2, 3}), one_pass);  // a part of only a NULL value
  EXPECT_EQ(Agg(harness, values, delimiters, {0, 4}), one_pass);  // an empty first part
  EXPECT_EQ(Agg(harness, values, delimiters, {1, 2, 3, 4}), one_pass);
}

TEST(StringAggTest, StatesOwnTheirText) {
  AggregateHarness harness("string_agg", {TypeId::kVarchar, TypeId::kVarchar});
  uint8_t* first = harness.NewState();
  uint8_t* second = harness.NewState();
  {
    // The input vectors die here; the states must have copied the bytes.
    harness.Update({{Text(std::string(100, 'x')), Text("y"), Text("z")}, {Text(";")}},
                   {first, second, first});
  }
  harness.Combine(second, first);
  EXPECT_EQ(harness.Finalize(first).GetString(), std::string(100, 'x') + ";z;y");
  EXPECT_EQ(harness.Finalize(second).GetString(), "y");  // a source stays readable
}

// ---- sum(interval), avg(interval) ----

TEST(IntervalAggregateTest, SumAddsFieldsSeparately) {
  AggregateHarness harness("sum", {TypeId::kInterval});
  EXPECT_EQ(harness.return_type().id(), TypeId::kInterval);
  const std::vector<Value> values = {Span(1, 40, 3'600'000'000), Value::Null(TypeId::kInterval),
                                     Span(13, -2, 90'000'000'000)};
  EXPECT_EQ(harness.RunSplit({values}, {1}).GetInterval(), (Interval{14, 38, 93'600'000'000}));
  EXPECT_TRUE(harness.Run({{Value::Null(TypeId::kInterval)}}).is_null());
}

TEST(IntervalAggregateTest, SumOverflowIsAnError) {
  AggregateHarness harness("sum", {TypeId::kInterval});
  try {
    harness.RunSplit({{Span(INT32_MAX, 0, 0), Span(1, 0, 0)}}, {1});
    FAIL() << "expected interval out of range";
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), "22008");
  }
}

TEST(IntervalAggregateTest, AverageCascadesFractionsDown) {
  AggregateHarness harness("avg", {TypeId::kInterval});
  // PostgreSQL 15: avg('1 mon', '2 mons 1 day') = '1 mon 15 days 12:00:00'.
  EXPECT_EQ(harness.Run({{Span(1, 0, 0), Span(2, 1, 0)}}).GetInterval(),
            (Interval{1, 15, 43'200'000'000}));
  // avg('1 mon', '0', '0') = '10 days'.
  EXPECT_EQ(harness.RunSplit({{Span(1, 0, 0), Span(0, 0, 0), Span(0, 0, 0)}}, {1}).GetInterval(),
            (Interval{0, 10, 0}));
  // avg('1 day', '0', '0') = '08:00:00'.
  EXPECT_EQ(harness.Run({{Span(0, 1, 0), Span(0, 0, 0), Span(0, 0, 0)}}).GetInterval(),
            (Interval{0, 0, 28'800'000'000}));
  // avg('-1 mon', '0 mon') = '-15 days'.
  EXPECT_EQ(harness.RunSplit({{Span(-1, 0, 0), Span(0, 0, 0)}}, {1}).GetInterval(),
            (Interval{0, -15, 0}));
  EXPECT_TRUE(harness.Finalize(harness.NewState()).is_null());
}

}  // namespace
}  // namespace basin
