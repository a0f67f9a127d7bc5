#include "text/json_reader.hpp"

#include <charconv>

#include "text/utf8.hpp"

namespace es::text {

namespace {

constexpr int kMaxDepth = 64;

const std::string& empty_text() {
    static const std::string empty;
    return empty;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

class JsonReader {
  public:
    explicit JsonReader(std::string_view in) : in_(in) {}

    JsonValue document() {
        JsonValue v = value(0);
        skip_space();
        if (at_ != in_.size()) {
            fail("text after the value");
        }
        return v;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw JsonError("invalid JSON at byte " + std::to_string(at_) + ": " + what);
    }

    void skip_space() {
        while (at_ < in_.size() &&
               (in_[at_] == ' ' || in_[at_] == '\t' || in_[at_] == '\n' || in_[at_] == '\r')) {
            ++at_;
        }
    }

    char peek() {
        skip_space();
        if (at_ >= in_.size()) {
            fail("unexpected end");
        }
        return in_[at_];
    }

    void expect_word(std::string_view word) {
        if (in_.substr(at_, word.size()) != word) {
            fail("unknown word");
        }
        at_ += word.size();
    }

    JsonValue value(int depth) {
        if (depth > kMaxDepth) {
            fail("nested too deeply");
        }
        JsonValue v;
        switch (peek()) {
            case '{':
                v.kind_ = JsonValue::Kind::Object;
                object(v, depth);
                break;
            case '[':
                v.kind_ = JsonValue::Kind::Array;
                array(v, depth);
                break;
            case '"':
                v.kind_ = JsonValue::Kind::String;
                v.text_ = string();
                break;
            case 't':
                expect_word("true");
                v.kind_ = JsonValue::Kind::Bool;
                v.text_ = "true";
                break;
            case 'f':
                expect_word("false");
                v.kind_ = JsonValue::Kind::Bool;
                v.text_ = "false";
                break;
            case 'n':
                expect_word("null");
                break;
            default:
                v.kind_ = JsonValue::Kind::Number;
                v.text_ = number();
                break;
        }
        return v;
    }

    void object(JsonValue& v, int depth) {
        ++at_;  // '{'
        if (peek() == '}') {
            ++at_;
            return;
        }
        for (;;) {
            if (peek() != '"') {
                fail("expected a member name");
            }
            std::string name = string();
            if (peek() != ':') {
                fail("expected ':'");
            }
            ++at_;
            v.members_.emplace_back(std::move(name), value(depth + 1));
            const char c = peek();
            ++at_;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                fail("expected ',' or '}'");
            }
        }
    }

    void array(JsonValue& v, int depth) {
        ++at_;  // '['
        if (peek() == ']') {
            ++at_;
            return;
        }
        for (;;) {
            v.items_.push_back(value(depth + 1));
            const char c = peek();
            ++at_;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                fail("expected ',' or ']'");
            }
        }
    }

    std::uint32_t hex4() {
        if (at_ + 4 > in_.size()) {
            fail("short \\u escape");
        }
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = in_[at_++];
            v <<= 4;
            if (c >= '0' && c <= '9') {
                v |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                fail("bad hex digit in \\u escape");
            }
        }
        return v;
    }

    std::string string() {
        ++at_;  // opening quote
        std::string out;
        for (;;) {
            // Copy the run up to the next quote, backslash or control character in one go.
            const std::size_t start = at_;
            while (at_ < in_.size() && in_[at_] != '"' && in_[at_] != '\\' &&
                   static_cast<unsigned char>(in_[at_]) >= 0x20) {
                ++at_;
            }
            out.append(in_.data() + start, at_ - start);
            if (at_ >= in_.size()) {
                fail("unterminated string");
            }
            const char c = in_[at_++];
            if (c == '"') {
                return out;
            }
            if (c != '\\') {
                --at_;
                fail("control character in a string");
            }
            if (at_ >= in_.size()) {
                fail("unterminated escape");
            }
            switch (in_[at_++]) {
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
                    std::uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate needs its low half
                        if (in_.substr(at_, 2) != "\\u") {
                            fail("lone high surrogate");
                        }
                        at_ += 2;
                        const std::uint32_t low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) {
                            fail("high surrogate without a low one");
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("lone low surrogate");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    fail("unknown escape");
            }
        }
    }

    std::string number() {
        const std::size_t start = at_;
        auto digits = [&] {
            const std::size_t from = at_;
            while (at_ < in_.size() && is_digit(in_[at_])) {
                ++at_;
            }
            return at_ - from;
        };
        if (at_ < in_.size() && in_[at_] == '-') {
            ++at_;
        }
        if (at_ < in_.size() && in_[at_] == '0') {
            ++at_;
        } else if (digits() == 0) {
            fail("expected a value");
        }
        if (at_ < in_.size() && in_[at_] == '.') {
            ++at_;
            if (digits() == 0) {
                fail("digits expected after '.'");
            }
        }
        if (at_ < in_.size() && (in_[at_] == 'e' || in_[at_] == 'E')) {
            ++at_;
            if (at_ < in_.size() && (in_[at_] == '+' || in_[at_] == '-')) {
                ++at_;
            }
            if (digits() == 0) {
                fail("digits expected in the exponent");
            }
        }
        return std::string(in_.substr(start, at_ - start));
    }

    std::string_view in_;
    std::size_t at_ = 0;
};

std::uint64_t JsonValue::unsigned_integer() const {
    if (kind_ != Kind::Number && kind_ != Kind::String) {
        throw JsonError("expected a whole number");
    }
    std::uint64_t out = 0;
    const char* end = text_.data() + text_.size();
    const auto [ptr, ec] = std::from_chars(text_.data(), end, out);
    if (text_.empty() || ec != std::errc() || ptr != end) {
        throw JsonError("expected a whole number, got '" + text_ + "'");
    }
    return out;
}

const JsonValue* JsonValue::member(std::string_view name) const {
    for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
        if (it->first == name) {
            return &it->second;
        }
    }
    return nullptr;
}

const std::string& JsonValue::text_of(std::string_view name) const {
    const JsonValue* v = member(name);
    return v ? v->text_ : empty_text();
}

JsonValue parse_json(std::string_view json) {
    return JsonReader(json).document();
}

}  // namespace es::text
