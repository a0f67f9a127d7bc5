#include "json_value.hpp"

#include <cstdint>

namespace dm_check {

namespace {

constexpr int kMaxDepth = 64;

class Parser {
  public:
    explicit Parser(std::string_view text) : text_(text) {}

    bool parse(JsonValue& out, std::string& error) {
        bool ok = value(out, 0);
        if (ok) {
            space();
            if (pos_ != text_.size()) {
                ok = fail("trailing characters after the value");
            }
        }
        if (!ok) {
            error = reason_ + " at byte " + std::to_string(pos_);
        }
        return ok;
    }

  private:
    bool fail(const char* why) {
        if (reason_.empty()) {
            reason_ = why;
        }
        return false;
    }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return true;
        }
        return false;
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool digits() {
        if (!digit(peek())) {
            return fail("expected a digit");
        }
        while (digit(peek())) {
            ++pos_;
        }
        return true;
    }

    bool number(JsonValue& out) {
        std::size_t start = pos_;
        if (peek() == '-') {
            ++pos_;
        }
        if (peek() == '0') {
            ++pos_;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            ++pos_;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') {
                ++pos_;
            }
            if (!digits()) {
                return false;
            }
        }
        out.type = JsonValue::Type::Number;
        out.text = std::string(text_.substr(start, pos_ - start));
        return true;
    }

    bool hex4(std::uint32_t& v) {
        v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = peek();
            ++pos_;
            v <<= 4;
            if (c >= '0' && c <= '9') {
                v |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return fail("bad \\u escape");
            }
        }
        return true;
    }

    static void utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // After the opening quote.
    bool string(std::string& out) {
        while (!at_end()) {
            auto c = static_cast<unsigned char>(text_[pos_++]);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return fail("control character in string");
            }
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            char e = peek();
            ++pos_;
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) {
                        return false;
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t low = 0;
                        if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) {
                            return fail("unpaired surrogate");
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8(out, cp);
                    break;
                }
                default:
                    return fail("bad escape");
            }
        }
        return fail("unterminated string");
    }

    bool container(JsonValue& out, int depth, bool object) {
        const char close = object ? '}' : ']';
        out.type = object ? JsonValue::Type::Object : JsonValue::Type::Array;
        space();
        if (peek() == close) {
            ++pos_;
            return true;
        }
        for (;;) {
            space();
            std::string key;
            if (object) {
                if (peek() != '"') {
                    return fail("expected a member name");
                }
                ++pos_;
                if (!string(key)) {
                    return false;
                }
                space();
                if (peek() != ':') {
                    return fail("expected ':'");
                }
                ++pos_;
            }
            JsonValue item;
            if (!value(item, depth + 1)) {
                return false;
            }
            if (object) {
                out.members.emplace_back(std::move(key), std::move(item));
            } else {
                out.items.push_back(std::move(item));
            }
            space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == close) {
                ++pos_;
                return true;
            }
            return fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }

    bool value(JsonValue& out, int depth) {
        if (depth > kMaxDepth) {
            return fail("nested too deeply");
        }
        space();
        if (at_end()) {
            return fail("unexpected end");
        }
        switch (peek()) {
            case '{':
                ++pos_;
                return container(out, depth, true);
            case '[':
                ++pos_;
                return container(out, depth, false);
            case '"':
                ++pos_;
                out.type = JsonValue::Type::String;
                return string(out.text);
            case 't':
            case 'f':
                out.type = JsonValue::Type::Bool;
                out.boolean = peek() == 't';
                return literal(out.boolean ? "true" : "false") || fail("unexpected character");
            case 'n':
                out.type = JsonValue::Type::Null;
                return literal("null") || fail("unexpected character");
            default:
                if (peek() == '-' || digit(peek())) {
                    return number(out);
                }
                return fail("unexpected character");
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string reason_;
};

}  // namespace

const JsonValue* JsonValue::member(std::string_view key) const noexcept {
    if (type != Type::Object) {
        return nullptr;
    }
    for (const auto& m : members) {
        if (m.first == key) {
            return &m.second;
        }
    }
    return nullptr;
}

std::string JsonValue::string_member(std::string_view key) const {
    const JsonValue* m = member(key);
    return (m != nullptr && m->type == Type::String) ? m->text : std::string();
}

bool parse_json(std::string_view text, JsonValue& out, std::string& error) {
    out = JsonValue{};
    return Parser(text).parse(out, error);
}

std::string json_quote(std::string_view text) {
    static const char* const hex = "0123456789abcdef";
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xF];
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

}  // namespace dm_check
