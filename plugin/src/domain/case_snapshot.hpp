// What the host says a case holds at one moment, in the plugin's terms: read once per request (the
// parts it needs, see CaseParts) and passed along to whatever the request does, instead of asking
// the host again. Dropped with the request: nothing of a case is kept.
//
// Plain value type, no I/O; host::HostAdapter builds it from the host's answer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/case_items.hpp"
#include "domain/case_parts.hpp"

namespace es::domain {

struct CaseSnapshot {
    struct Field {
        std::string id, label, value;
    };
    struct JournalEntry {
        std::string id, date, author, text;  // date: RFC 3339 UTC
        bool internal = false;               // for the organisation's own staff only
    };
    struct Attachment {
        std::string id, name, media_type;
        std::string modified;  // RFC 3339 UTC
        std::string sha256;    // 64 lowercase hex digits; empty when the host does not know it
        std::uint64_t size = 0;
    };
    struct Correspondent {
        std::string name, email, phone;
    };

    std::string id;  // the case id it was read for
    // The parts that were read. A part not read is empty here, which says nothing about the case.
    CaseParts parts;
    // Details (empty unless parts.details).
    std::string number, title, case_type_id;
    Correspondent correspondent;
    std::vector<Field> fields;
    std::vector<JournalEntry> journal;
    std::vector<Attachment> attachments;

    // The ids per section, as Selection needs them to decide what is visible.
    CaseItems items() const;
    // A short, human name of an item for logs and lists; the id when unknown. A journal entry is
    // named by its date and author; `date_text` writes the host's date (RFC 3339) for the reader
    // (text::host_date_text), else its first ten characters ("2026-01-05") stand.
    using DateText = std::function<std::string(const std::string& rfc3339)>;
    std::string item_label(const std::string& item_id, const DateText& date_text = {}) const;
    // "2026-17 Muster": the number and the title as far as known; the id without either.
    std::string reference() const;
};

}  // namespace es::domain
