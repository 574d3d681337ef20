#include "catalog/catalog.h"

#include "common/error.h"

namespace basin {

Catalog::Catalog() { schemas_[kDefaultSchema]; }

std::string Catalog::CanonicalSchema(const std::string& schema) {
  if (schema.empty() || schema == "public") return kDefaultSchema;
  return schema;
}

const Catalog::Schema& Catalog::GetSchema(const std::string& name) const {
  auto it = schemas_.find(CanonicalSchema(name));
  if (it == schemas_.end()) {
    throw Error(sqlstate::kUndefinedObject, "schema \"" + name + "\" does not exist");
  }
  return it->second;
}

Catalog::Schema& Catalog::GetSchema(const std::string& name) {
  return const_cast<Schema&>(static_cast<const Catalog*>(this)->GetSchema(name));
}

void Catalog::CreateSchema(const std::string& name, bool if_not_exists) {
  std::lock_guard lock(mutex_);
  const std::string canonical = CanonicalSchema(name);
  if (schemas_.count(canonical) > 0) {
    if (if_not_exists) return;
    throw Error(SqlState{{'4', '2', 'P', '0', '6'}}, "schema \"" + name + "\" already exists");
  }
  schemas_[canonical];
}

void Catalog::DropSchema(const std::string& name, bool if_exists, bool cascade) {
  std::lock_guard lock(mutex_);
  const std::string canonical = CanonicalSchema(name);
  auto it = schemas_.find(canonical);
  if (it == schemas_.end()) {
    if (if_exists) return;
    throw Error(sqlstate::kUndefinedObject, "schema \"" + name + "\" does not exist");
  }
  if (canonical == kDefaultSchema) {
    throw Error(sqlstate::kFeatureNotSupported, "cannot drop the default schema \"main\"");
  }
  if (!cascade && (!it->second.tables.empty() || !it->second.views.empty())) {
    throw Error(SqlState{{'2', 'B', 'P', '0', '1'}},
                "cannot drop schema " + name + " because other objects depend on it");
  }
  schemas_.erase(it);
}

bool Catalog::SchemaExists(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return schemas_.count(CanonicalSchema(name)) > 0;
}

std::shared_ptr<Table> Catalog::CreateTable(const std::string& schema_name, const std::string& name,
                                            std::vector<ColumnDefinition> columns,
                                            bool if_not_exists, bool or_replace) {
  std::lock_guard lock(mutex_);
  Schema& schema = GetSchema(schema_name);
  if (schema.views.count(name) > 0 || (schema.tables.count(name) > 0 && !or_replace)) {
    if (if_not_exists) return nullptr;
    throw Error(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
  }
  auto table = std::make_shared<Table>(CanonicalSchema(schema_name), name, std::move(columns));
  schema.tables[name] = table;
  return table;
}

void Catalog::CreateView(ViewDefinition view, bool or_replace) {
  std::lock_guard lock(mutex_);
  Schema& schema = GetSchema(view.schema);
  if (schema.tables.count(view.name) > 0) {
    throw Error(sqlstate::kDuplicateTable, "relation \"" + view.name + "\" already exists");
  }
  if (schema.views.count(view.name) > 0 && !or_replace) {
    throw Error(sqlstate::kDuplicateTable, "relation \"" + view.name + "\" already exists");
  }
  view.schema = CanonicalSchema(view.schema);
  const std::string name = view.name;
  schema.views[name] = std::make_shared<const ViewDefinition>(std::move(view));
}

std::shared_ptr<Table> Catalog::FindTable(const std::string& schema_name, const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto schema = schemas_.find(CanonicalSchema(schema_name));
  if (schema == schemas_.end()) return nullptr;
  auto it = schema->second.tables.find(name);
  return it == schema->second.tables.end() ? nullptr : it->second;
}

std::shared_ptr<const ViewDefinition> Catalog::FindView(const std::string& schema_name,
                                                        const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto schema = schemas_.find(CanonicalSchema(schema_name));
  if (schema == schemas_.end()) return nullptr;
  auto it = schema->second.views.find(name);
  return it == schema->second.views.end() ? nullptr : it->second;
}

void Catalog::Drop(const std::string& schema_name, const std::string& name, bool is_view, bool if_exists) {
  std::lock_guard lock(mutex_);
  auto schema_it = schemas_.find(CanonicalSchema(schema_name));
  if (schema_it == schemas_.end()) {
    if (if_exists) return;
    throw Error(sqlstate::kUndefinedObject, "schema \"" + schema_name + "\" does not exist");
  }
  Schema& schema = schema_it->second;
  const bool is_table_there = schema.tables.count(name) > 0;
  const bool is_view_there = schema.views.count(name) > 0;
  if (is_view ? is_view_there : is_table_there) {
    if (is_view) {
      schema.views.erase(name);
    } else {
      schema.tables.erase(name);
    }
    return;
  }
  if (is_view ? is_table_there : is_view_there) {
    throw Error(sqlstate::kWrongObjectType,
                "\"" + name + "\" is not a " + (is_view ? "view" : "table"));
  }
  if (if_exists) return;
  throw Error(sqlstate::kUndefinedTable,
              std::string(is_view ? "view" : "table") + " \"" + name + "\" does not exist");
}

std::vector<Catalog::Entry> Catalog::ListEntries() const {
  std::lock_guard lock(mutex_);
  std::vector<Entry> entries;
  for (const auto& [schema_name, schema] : schemas_) {
    for (const auto& [name, table] : schema.tables) entries.push_back({schema_name, name, false});
    for (const auto& [name, view] : schema.views) entries.push_back({schema_name, name, true});
  }
  return entries;
}

std::vector<std::string> Catalog::ListSchemas() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, schema] : schemas_) names.push_back(name);
  return names;
}

}  // namespace basin
