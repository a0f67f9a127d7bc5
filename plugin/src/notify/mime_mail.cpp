#include "notify/mime_mail.hpp"

#include <Poco/SHA1Engine.h>

#include "notify/header_encoding.hpp"
#include "notify/invalid_address.hpp"
#include "notify/quoted_printable.hpp"

namespace es::notify {

namespace {

// "=_" never occurs in quoted-printable output ('=' is always followed by hex or a line end), so
// no body line can be mistaken for the boundary.
std::string boundary_for(const std::string& message_id) {
    Poco::SHA1Engine sha;
    sha.update(message_id);
    return "=_es_" + Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 24);
}

bool is_valid_message_id(const std::string& id) {
    if (id.size() < 5 || id.front() != '<' || id.back() != '>' ||
        id.find('@') == std::string::npos) {
        return false;
    }
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string MimeMail::serialize() const {
    if (!is_valid_message_id(message_id)) {
        throw InvalidAddress("not a valid Message-ID");
    }
    const std::string boundary = boundary_for(message_id);
    std::string out;
    out.reserve(text.size() + html.size() + 1024);
    out += "From: " + format_mailbox(from_name, from_address) + "\r\n";
    out += "To: " + format_mailbox(to_name, to_address) + "\r\n";
    out += "Subject: " + encode_header_text(subject) + "\r\n";
    out += "Date: " + format_mail_date(date) + "\r\n";
    out += "Message-ID: " + message_id + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    // RFC 3834: machines answering automatically should not answer this one.
    out += "Auto-Submitted: auto-generated\r\n";
    out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += encode_quoted_printable(text) + "\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/html; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += encode_quoted_printable(html) + "\r\n";
    out += "--" + boundary + "--\r\n";
    return out;
}

}  // namespace es::notify
