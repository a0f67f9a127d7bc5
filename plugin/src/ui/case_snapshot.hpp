// What the host says a case holds right now, parsed once per request from dm.cases/1 JSON, for the
// views that list items (share dialog, visible-items editor, access log item names).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/case_items.hpp"

namespace es::ui {

struct CaseSnapshot {
    struct Field {
        std::string id, label, value;
    };
    struct JournalEntry {
        std::string id, date, author, text;
        bool internal = false;
    };
    struct Attachment {
        std::string id, name, media_type;
        std::int64_t size = 0;
    };
    struct Correspondent {
        std::string name, email, phone;
    };

    std::string id, number, title, case_type_id;
    Correspondent correspondent;
    std::vector<Field> fields;
    std::vector<JournalEntry> journal;
    std::vector<Attachment> attachments;

    // Throws domain::Error(Internal) when the host's JSON does not follow dm/ext/cases.h.
    static CaseSnapshot parse(const std::string& details_json, const std::string& journal_json,
                              const std::string& attachments_json);

    domain::CaseItems items() const;
    // A short, human name of an item for logs and lists; the id when unknown.
    std::string item_label(const std::string& item_id) const;
};

// "1.2 MB", "532 KB": sizes as people read them.
std::string human_size(std::int64_t bytes);

}  // namespace es::ui
