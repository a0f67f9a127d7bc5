// A small JSON reader for the host's answers on the portal's request path (case details, journal,
// attachment list: three per page). Poco::JSON builds a tree of Dynamic::Var objects with a map
// per object, which was 12 % of a page's CPU; this keeps strings and number literals as text in
// vectors. Strict RFC 8259 grammar (no comments, no trailing commas, one value, nothing after it),
// escapes including surrogate pairs decoded to UTF-8, nesting bounded.
//
// Not a general-purpose parser: it does not check that the input is valid UTF-8 (the portal
// HTML-escapes whatever it shows), and numbers stay as their literal text.
//
// Thread safety: none needed; values are plain data. Errors: JsonError.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace es::text {

class JsonError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class JsonValue {
  public:
    enum class Kind { Null, Bool, Number, String, Array, Object };

    Kind kind() const { return kind_; }
    bool is_object() const { return kind_ == Kind::Object; }
    bool is_array() const { return kind_ == Kind::Array; }

    // A string's text, a number's literal, "true" or "false"; "" for null, arrays and objects.
    const std::string& text() const { return text_; }
    // A whole, non-negative number (a number literal or a string of digits). Throws JsonError.
    std::uint64_t unsigned_integer() const;

    // Array elements (empty for anything else).
    const std::vector<JsonValue>& items() const { return items_; }
    // An object's member, the last one when a name repeats; nullptr when absent or not an object.
    const JsonValue* member(std::string_view name) const;
    // text() of a member; "" when it is absent.
    const std::string& text_of(std::string_view name) const;

  private:
    friend class JsonReader;
    Kind kind_ = Kind::Null;
    std::string text_;
    std::vector<JsonValue> items_;
    std::vector<std::pair<std::string, JsonValue>> members_;
};

// Parses one JSON document. Throws JsonError naming the byte offset of the problem.
JsonValue parse_json(std::string_view json);

}  // namespace es::text
