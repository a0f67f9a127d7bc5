// What the checker reads of a plugin's JSON answers: the type of the value and, for objects and
// arrays, their members. Poco's strict parser (no comments, no trailing commas, no lone surrogates)
// tells JSON from almost-JSON, so the checker carries no JSON reader of its own.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dm_check {

struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    std::string text;                                        // a string's text
    std::vector<JsonValue> items;                            // array elements
    std::vector<std::pair<std::string, JsonValue>> members;  // object members

    bool is_object() const noexcept { return type == Type::Object; }
    bool is_array() const noexcept { return type == Type::Array; }
    // The member `key` of an object, or nullptr.
    const JsonValue* member(std::string_view key) const noexcept;
    // The string member `key`, or "" when absent or not a string.
    std::string string_member(std::string_view key) const;
};

// Parses exactly one value. Returns false and Poco's reason when `text` is not JSON.
bool parse_json(std::string_view text, JsonValue& out, std::string& error);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace dm_check
