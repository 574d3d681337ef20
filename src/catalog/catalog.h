// src/catalog/catalog.h
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "catalog/table.h"

namespace basin {

struct ViewDefinition {
  std::string schema;
  std::string name;
  std::vector<std::string> column_names;  // explicit names; empty: the query's
  std::string sql;                         // the defining query's text
};

// Schemas holding tables and views, by lower-case name. Thread-safe. The default
// schema is "main" (with "public" as an alias, for PostgreSQL habits).
class Catalog {
 public:
  Catalog();

  static constexpr const char* kDefaultSchema = "main";

  void CreateSchema(const std::string& name, bool if_not_exists);
  void DropSchema(const std::string& name, bool if_exists, bool cascade);
  bool SchemaExists(const std::string& name) const;

  // Throws 42P07 when the name is taken (unless if_not_exists; returns null then).
  std::shared_ptr<Table> CreateTable(const std::string& schema, const std::string& name,
                                     std::vector<ColumnDefinition> columns, bool if_not_exists,
                                     bool or_replace = false);
  void CreateView(ViewDefinition view, bool or_replace);

  std::shared_ptr<Table> FindTable(const std::string& schema, const std::string& name) const;
  std::shared_ptr<const ViewDefinition> FindView(const std::string& schema, const std::string& name) const;

  // Drops a table (is_view false) or view; throws 42P01 / 42809 as PostgreSQL does.
  void Drop(const std::string& schema, const std::string& name, bool is_view, bool if_exists);

  struct Entry {
    std::string schema;
    std::string name;
    bool is_view;
  };
  std::vector<Entry> ListEntries() const;
  std::vector<std::string> ListSchemas() const;

  // "public" means "main".
  static std::string CanonicalSchema(const std::string& schema);

 private:
  struct Schema {
    std::map<std::string, std::shared_ptr<Table>> tables;
    std::map<std::string, std::shared_ptr<const ViewDefinition>> views;
  };
  const Schema& GetSchema(const std::string& name) const;
  Schema& GetSchema(const std::string& name);

  mutable std::mutex mutex_;
  std::map<std::string, Schema> schemas_;
};

}  // namespace basin
