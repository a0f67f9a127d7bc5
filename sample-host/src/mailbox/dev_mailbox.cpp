#include "mailbox/dev_mailbox.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include "log/host_log.hpp"
#include "mailbox/encoded_words.hpp"

namespace host {

namespace fs = std::filesystem;

namespace {

// Collects the first text/plain part (or, lacking one, the first text part) of a message.
class PlainTextPart : public Poco::Net::PartHandler {
  public:
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string type = header.get("Content-Type", "text/plain");
        std::string content;
        Poco::StreamCopier::copyToString(stream, content);
        bool plain = type.find("text/plain") != std::string::npos;
        if ((plain && !have_plain_) || (text_.empty() && type.rfind("text/", 0) == 0)) {
            text_ = content;
            have_plain_ = have_plain_ || plain;
        }
    }
    const std::string& text() const { return text_; }

  private:
    std::string text_;
    bool have_plain_ = false;
};

// Files are read newest first until `limit` messages of the organisation were found; at most this
// many files are looked at per listing, so a spool full of other organisations' mail stays cheap.
constexpr std::size_t kMaxFilesRead = 5000;

std::vector<fs::path> newest_files(const fs::path& dir, const std::string& ext, std::size_t limit) {
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return {};
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_regular_file(ec) && e.path().extension() == ext) {
            found.emplace_back(e.last_write_time(ec), e.path());
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second.filename() > b.second.filename();
    });
    std::vector<fs::path> out;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i)
        out.push_back(found[i].second);
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string decode_header(const std::string& value) {
    try {
        return EncodedWords::decode(value);
    } catch (const std::exception&) {
        return value;
    }
}

// The header `name` as it stands in the message, folding undone (CRLF removed, the blank after
// it kept), encoded words still encoded. Poco's MessageHeader decodes encoded words itself but
// keeps the folding blank between two of them, which put a stray space into long subjects;
// EncodedWords drops it as RFC 2047 §6.2 says.
std::string raw_header(const std::string& raw, const std::string& name) {
    std::string found;
    bool in_field = false;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t eol = raw.find('\n', pos);
        if (eol == std::string::npos)
            eol = raw.size();
        std::string line = raw.substr(pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            break;  // end of the header section
        if (line[0] == ' ' || line[0] == '\t') {
            if (in_field)
                found += line;
            continue;
        }
        if (in_field)
            break;
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos || colon != name.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < colon; ++i) {
            same = same && std::tolower(static_cast<unsigned char>(line[i])) ==
                               std::tolower(static_cast<unsigned char>(name[i]));
        }
        if (!same)
            continue;
        std::size_t start = line.find_first_not_of(" \t", colon + 1);
        found = start == std::string::npos ? "" : line.substr(start);
        in_field = true;
    }
    return found;
}

}  // namespace

SpooledMail DevMailbox::parse_mail(const std::string& raw) {
    std::istringstream in(raw);
    Poco::Net::MailMessage message;
    PlainTextPart part;
    message.read(in, part);
    SpooledMail m;
    m.from = decode_header(raw_header(raw, "From"));
    m.to = decode_header(raw_header(raw, "To"));
    m.subject = decode_header(raw_header(raw, "Subject"));
    m.date = message.get("Date", "");
    m.organisation_id = message.get("X-Spool-Organisation", "");
    m.body = part.text().empty() ? message.getContent() : part.text();
    return m;
}

std::vector<SpooledMail> DevMailbox::mails(const std::string& organisation_id,
                                           std::size_t limit) const {
    std::vector<SpooledMail> out;
    if (organisation_id.empty()) {
        return out;
    }
    for (const auto& p : newest_files(fs::path(spool_) / "mail", ".eml", kMaxFilesRead)) {
        if (out.size() >= limit) {
            break;
        }
        try {
            SpooledMail m = parse_mail(read_file(p));
            if (m.organisation_id != organisation_id) {
                continue;
            }
            m.id = p.filename().string();
            out.push_back(std::move(m));
        } catch (const std::exception& e) {
            HostLog::warning("dev mailbox: cannot read " + p.string() + ": " + e.what());
        }
    }
    return out;
}

std::vector<SpooledSms> DevMailbox::sms(const std::string& organisation_id,
                                        std::size_t limit) const {
    std::vector<SpooledSms> out;
    if (organisation_id.empty()) {
        return out;
    }
    for (const auto& p : newest_files(fs::path(spool_) / "sms", ".json", kMaxFilesRead)) {
        if (out.size() >= limit) {
            break;
        }
        try {
            Poco::JSON::Parser parser;
            auto o = parser.parse(read_file(p)).extract<Poco::JSON::Object::Ptr>();
            SpooledSms s;
            s.id = p.filename().string();
            s.to = o->optValue<std::string>("to", "");
            s.text = o->optValue<std::string>("text", "");
            s.created_at = o->optValue<std::string>("created_at", "");
            s.organisation_id = o->optValue<std::string>("organisation_id", "");
            if (s.organisation_id != organisation_id) {
                continue;
            }
            out.push_back(std::move(s));
        } catch (const std::exception& e) {
            HostLog::warning("dev mailbox: cannot read " + p.string() + ": " + e.what());
        }
    }
    return out;
}

}  // namespace host
