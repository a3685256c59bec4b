#pragma once
// A small OpenAPI 3.0 description shaped like the parts of Cisco's that the calibration rules are about,
// so the conformance unit tests do not depend on ../shared being present.
#include <utility>

#include <nlohmann/json.hpp>

#include "wxphones/conformance/exchange.h"
#include "wxphones/conformance/openapi_set.h"

namespace wx::conformance::testing {

inline nlohmann::json mini_openapi() {
  return nlohmann::json::parse(R"J({
  "openapi": "3.0.0",
  "paths": {
    "/devices": {
      "parameters": [{"$ref": "#/components/parameters/OrgId"}],
      "get": {
        "parameters": [
          {"name": "max", "in": "query", "schema": {"type": "number"}},
          {"name": "type", "in": "query", "schema": {"type": "string", "enum": ["roomdesk", "phone"]}},
          {"name": "tag", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 5}}},
          {"name": "callingData", "in": "query", "schema": {"type": "boolean"}}
        ],
        "responses": {
          "200": {"description": "OK", "content": {"application/json": {
            "schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Device"}}}}}}},
          "404": {"description": "Not Found"}
        }
      },
      "post": {
        "requestBody": {"required": true, "content": {"application/json": {
          "schema": {"type": "object", "required": ["mac", "model"], "properties": {
            "mac": {"type": "string"}, "model": {"type": "string"}, "personId": {"type": "string"},
            "owner": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}}}},
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Device"}}}}}
      }
    },
    "/devices/activationCode": {
      "post": {"responses": {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"type": "object", "properties": {"code": {"type": "string"}}}}}}}}
    },
    "/devices/{deviceId}": {
      "get": {"responses": {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Device"},
        "example": {"id": "D1", "callingDeviceId": "C1", "created": "2024-05-01T12:00:00Z"}}}}}},
      "delete": {"responses": {"204": {"description": "No Content"}}},
      "patch": {
        "requestBody": {"content": {"application/json-patch+json": {"schema": {"type": "object", "properties": {
          "op": {"type": "string", "enum": ["add", "remove", "replace"]}, "path": {"type": "string"},
          "value": {"type": "array", "items": {"type": "string"}}}}}}},
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Device"}}}}}
      }
    },
    "/telephony/config/devices/{deviceId}/settings": {
      "put": {
        "parameters": [{"name": "deviceModel", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"customEnabled": {"type": "boolean"}}}}}},
        "responses": {"204": {"description": "No Content"}}
      }
    },
    "/telephony/config/devices/{deviceId}/dynamicSettings": {
      "put": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["tags"], "properties": {
          "tags": {"type": "array", "items": {"type": "object", "required": ["tag", "action"], "properties": {
            "tag": {"type": "string"}, "action": {"type": "string", "enum": ["ADD", "DELETE"]}, "value": {"type": "string"}}}}}}}}},
        "responses": {"204": {"description": "No Content"}}
      }
    },
    "/telephony/config/jobs/devices/rebuildPhones/{jobId}/errors": {
      "get": {"responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {
        "items": {"type": "array", "items": {"type": "object", "properties": {
          "itemNumber": {"type": "number"}, "trackingId": {"type": "string"},
          "error": {"type": "object", "properties": {"key": {"type": "string"}, "message": {"type": "array", "items": {
            "type": "object", "properties": {"description": {"type": "string"}, "code": {"type": "string"}}}}}}}}}}}}}}}}
    },
    "/deviceConfigurations": {
      "patch": {
        "parameters": [{"name": "deviceId", "in": "query", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json-patch+json": {
          "example": [{"op": "replace", "path": "A.B/sources/configured/value", "value": 50}],
          "schema": {"type": "object", "properties": {
            "op": {"type": "string", "enum": ["remove", "replace"]}, "path": {"type": "string"}}}}}},
        "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "deviceId": {"type": "string"}, "items": {"$ref": "#/components/schemas/DeviceConfiguration"}}}}}}}
      }
    }
  },
  "components": {
    "parameters": {"OrgId": {"name": "orgId", "in": "query", "schema": {"type": "string"}}},
    "schemas": {
      "Device": {"type": "object", "required": ["created"], "properties": {
        "id": {"type": "string"}, "created": {"type": "string", "format": "date-time"},
        "connectionStatus": {"type": "string", "enum": ["connected", "disconnected", "activating"]},
        "lifecycle": {"type": "string", "enum": ["ACTIVE", "RETIRED"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "plannedMaintenance": {"type": "object", "properties": {"mode": {"type": "string"}}}}},
      "DeviceConfiguration": {"type": "object", "properties": {"configuration_key": {"type": "object", "properties": {
        "value": {}, "source": {"type": "string", "enum": ["default", "configured"]}}}}}
    }
  }
})J");
}

inline OpenApiSet mini_set(bool calibrated = true) {
  OpenApiSet set;
  LoadOptions options;
  options.apply_calibration = calibrated;
  set.add_document("mini.json", mini_openapi(), options);
  return set;
}

// A traffic line; JSON bodies without a stated content type get "application/json" to keep tests short
// (exchange_from_json itself is tested on raw lines).
inline Exchange exchange(const char* json_line) {
  auto line = nlohmann::json::parse(json_line);
  for (const auto& [body, type] :
       {std::pair{"requestBody", "requestContentType"}, std::pair{"responseBody", "responseContentType"}}) {
    if (line.contains(body) && !line[body].is_null() && !line[body].is_string() && !line.contains(type)) {
      line[type] = "application/json";
    }
  }
  return exchange_from_json(line);
}

}  // namespace wx::conformance::testing
