#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wxphones/manifest/kind_registry.h"
#include "wxphones/model/layout.h"

namespace wx::manifest {

// Reads the keys of one layout (a template's lineKeys, or a phone's inline lineKeys and kemKeys)
// and checks them against the model's capabilities while the document's positions are at hand:
// every problem becomes a diagnostic at the offending field. Values of the wrong type are skipped
// (the schema reports them). `model` may be null (unknown model): range checks are then skipped.
class LayoutKeyReader {
 public:
  LayoutKeyReader(const ManifestDocument& doc, DecodeContext& ctx, const DeviceModel* model);

  // The array at `pointer` ("/spec/lineKeys"): lineKeyIndex within the model's buttons and unique,
  // key 1 present and PRIMARY_LINE, SPEED_DIAL with a valid value, label/value only on SPEED_DIAL,
  // sharedLineIndex only on SHARED_LINE.
  std::vector<LineKey> line_keys(const std::string& pointer);

  // The array at `pointer` ("/spec/layout/kemKeys"): the same per-key rules, kemModuleIndex within
  // 1..module_count and kemKeyIndex within 1..keys_per_module (each 0: unknown, not checked), and
  // no (module, key) twice.
  std::vector<KemKey> kem_keys(const std::string& pointer, int module_count, int keys_per_module);

  // sharedLineIndex given for every SHARED_LINE key or for none, counting all keys read so far
  // (line keys and KEM keys share the phone's line numbering).
  void check_shared_line_indexes();

 private:
  // One key as written, with the names its fields have (lineKey* or kemKey*).
  struct RawKey {
    std::string pointer;
    std::optional<std::int64_t> index;
    std::optional<std::string> type;
    std::optional<std::string> label;
    std::optional<std::string> value;
    std::optional<std::int64_t> shared_line_index;
    bool has_shared_line_index = false;  // written, whatever its type
  };
  struct FieldNames {
    const char* index;
    const char* type;
    const char* label;
    const char* value;
  };

  RawKey read_key(const nlohmann::json& item, const std::string& pointer, const FieldNames& names);
  void check_key_type(const RawKey& key, const nlohmann::json& item, const FieldNames& names);
  void error_at_value(const std::string& pointer, std::string message);
  void error_at_key(const std::string& pointer, std::string message);

  const ManifestDocument& m_doc;
  DecodeContext& m_ctx;
  const DeviceModel* m_model;
  std::vector<RawKey> m_shared_keys;  // every SHARED_LINE key read, for the all-or-none rule
};

// Keys per module of a KEM module type: KEM_14_KEYS -> 14; 0 when the name does not say.
int kem_keys_per_module(const std::string& module_type);

}  // namespace wx::manifest
