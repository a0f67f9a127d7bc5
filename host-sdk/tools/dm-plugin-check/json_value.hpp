// A small strict JSON reader: the checker must tell JSON from almost-JSON and read a few members of
// what a plugin returns, without making the host SDK depend on a JSON library.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dm_check {

struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    std::string text;              // decoded string, or the number's source text
    std::vector<JsonValue> items;  // array elements
    std::vector<std::pair<std::string, JsonValue>> members;  // object members, in order

    bool is_object() const noexcept { return type == Type::Object; }
    bool is_array() const noexcept { return type == Type::Array; }
    // The member `key` of an object, or nullptr.
    const JsonValue* member(std::string_view key) const noexcept;
    // The string member `key`, or "" when absent or not a string.
    std::string string_member(std::string_view key) const;
};

// Parses exactly one value. Returns false and a reason ("unexpected character at byte 3") when
// `text` is not JSON.
bool parse_json(std::string_view text, JsonValue& out, std::string& error);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace dm_check
