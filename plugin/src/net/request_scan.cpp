#include "net/request_scan.hpp"

#include <Poco/MemoryStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace es::net {
namespace {

RequestScan refused(int status) {
    RequestScan r;
    r.state = RequestScan::State::Refused;
    r.status = status;
    return r;
}

// Offset just past the empty line that ends the head, or nothing while it has not arrived.
// Lines may end in CRLF or, as Poco's parser also accepts, in a bare LF.
std::optional<std::size_t> head_end(std::string_view b, std::size_t from) {
    for (auto i = b.find('\n', from); i != std::string_view::npos; i = b.find('\n', i + 1)) {
        if (i + 1 < b.size() && b[i + 1] == '\n') {
            return i + 2;
        }
        if (i + 2 < b.size() && b[i + 1] == '\r' && b[i + 2] == '\n') {
            return i + 3;
        }
    }
    return std::nullopt;
}

// 1*DIGIT only: "+5", " 5" or "0x5" would be read differently by different parsers.
std::optional<std::size_t> content_length(const std::string& text) {
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

// RFC 9110 5.6.2: the characters of a method and of a header name.
bool is_token(const std::string& s) {
    static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
    if (s.empty()) {
        return false;
    }
    for (unsigned char c : s) {
        if (!std::isalnum(c) && kSymbols.find(static_cast<char>(c)) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

// A request target is visible ASCII; clients percent-encode everything else.
bool is_target(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

// A field value: visible characters, space, tab and obs-text; no control character (NUL, a bare
// CR, DEL …) that a log, a proxy or a header we build from it could be confused by.
bool is_field_value(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7f); });
}

// Poco's parser takes any non-space bytes for a method, a target or a header name; a request
// that only it would accept is refused here, before a handler, a log or a proxy sees it.
bool well_formed(const Poco::Net::HTTPRequest& head) {
    if (!is_token(head.getMethod()) || !is_target(head.getURI())) {
        return false;
    }
    for (const auto& [name, value] : head) {
        if (!is_token(name) || !is_field_value(value)) {
            return false;
        }
    }
    return true;
}

// Each field line as RFC 9112 (5.1, 5.2) has it: a name, then at once a colon. Poco's parser
// skips a line without a colon (so "Content-Length 38" would vanish from one parser's view and
// not from another's), takes "Name : value", and joins a line that starts with a space or tab to
// the field before it (obs-fold). A proxy in front may read each of these otherwise; refused.
bool field_lines_well_formed(std::string_view head) {
    auto line_start = head.find('\n');  // past the request line
    while (line_start != std::string_view::npos && line_start + 1 < head.size()) {
        ++line_start;
        auto line_end = head.find('\n', line_start);
        std::string_view line =
            head.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos
                                                                       : line_end - line_start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            return true;  // the end of the head
        }
        const auto colon = line.find(':');
        if (line.front() == ' ' || line.front() == '\t' || colon == std::string_view::npos ||
            colon == 0 || line[colon - 1] == ' ' || line[colon - 1] == '\t') {
            return false;
        }
        line_start = line_end;
    }
    return true;
}

}  // namespace

RequestScan scan_request(std::string_view buffer, std::size_t max_head_bytes,
                         std::size_t max_body_bytes) {
    // Empty lines before a request line are ignored (RFC 9112, 2.2).
    std::size_t start = 0;
    while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n')) {
        ++start;
    }
    const auto end = head_end(buffer, start);
    if (!end) {
        return buffer.size() > max_head_bytes ? refused(431) : RequestScan{};
    }
    if (*end > max_head_bytes) {
        return refused(431);
    }

    if (!field_lines_well_formed(buffer.substr(start, *end - start))) {
        return refused(400);
    }
    auto head = std::make_unique<Poco::Net::HTTPRequest>();
    try {
        Poco::MemoryInputStream in(buffer.data() + start, *end - start);
        head->read(in);
    } catch (const Poco::Exception&) {
        return refused(400);
    }
    if (!well_formed(*head)) {
        return refused(400);
    }
    const std::string& version = head->getVersion();
    if (version != Poco::Net::HTTPMessage::HTTP_1_1 &&
        version != Poco::Net::HTTPMessage::HTTP_1_0) {
        return refused(505);
    }

    RequestScan r;
    if (head->has("Transfer-Encoding")) {
        const std::string coding = Poco::toLower(head->get("Transfer-Encoding"));
        return refused(coding.find("chunked") != std::string::npos ? 411 : 501);
    }
    std::optional<std::size_t> length;
    for (auto it = head->find("Content-Length"); it != head->end(); ++it) {
        if (Poco::icompare(it->first, "Content-Length") != 0) {
            break;  // the collection keeps equal names together, in order
        }
        const std::string value = Poco::trim(it->second);
        const auto n = content_length(value);
        if (!n || (length && *length != *n)) {
            return refused(400);
        }
        length = n;
    }
    if (length && *length > max_body_bytes) {
        return refused(413);
    }
    r.state = RequestScan::State::Complete;
    r.head_size = *end;
    r.body_size = length.value_or(0);
    r.expect_continue = Poco::icompare(head->get("Expect", ""), "100-continue") == 0;
    r.head = std::move(head);
    return r;
}

}  // namespace es::net
