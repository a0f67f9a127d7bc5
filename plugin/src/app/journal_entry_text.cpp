#include "app/journal_entry_text.hpp"

#include "text/unicode_text.hpp"
#include "ui/protection_field.hpp"
#include "ui/view_json.hpp"

namespace es::app {

namespace {

using ui::fill;
using ui::text;

// A case can hold hundreds of items; the host may refuse a very long entry, and nobody reads one.
constexpr std::size_t kNamedItemsPerPart = 20;

std::string recipient_of(domain::Language lang, const domain::Share& share) {
    const auto& r = share.recipient;
    const std::optional<std::string>& contact = r.email ? r.email : r.phone;
    if (r.name && contact) {
        return *r.name + " (" + *contact + ")";
    }
    if (r.name || contact) {
        return r.name ? *r.name : *contact;
    }
    return text(lang, "journal.unnamed");
}

std::string protection_of(domain::Language lang, domain::Protection protection) {
    return text(lang, "protection." + ui::protection_value(protection));
}

std::string part_name(domain::Language lang, domain::Section s) {
    return text(lang, "journal.section." + std::string(domain::to_text(s)));
}

// "details: Parcel, Owner; attachments: plan.txt": the parts the share includes, each with the
// names of the items it shows now.
std::string visible_items(const text::TimeReader& reader, const domain::Selection& selection,
                          const domain::CaseSnapshot& snapshot) {
    const domain::Language lang = reader.language;
    const domain::CaseItems existing = snapshot.items();
    std::string out;
    for (domain::Section s : domain::kAllSections) {
        if (!selection.includes_section(s)) {
            continue;
        }
        std::vector<std::string> names;
        std::size_t more = 0;
        for (const auto& id : existing.of(s)) {
            if (!selection.is_visible(s, id, existing)) {
                continue;
            }
            if (names.size() < kNamedItemsPerPart) {
                names.push_back(text::without_hidden_marks(snapshot.item_label(
                    id,
                    [&](const std::string& date) { return text::host_date_text(date, reader); })));
            } else {
                ++more;
            }
        }
        std::string list;
        for (const auto& n : names) {
            list += (list.empty() ? "" : ", ") + n;
        }
        if (more > 0) {
            list += " " + ui::count_text(lang, "journal.more", static_cast<long long>(more));
        }
        out += (out.empty() ? "" : "; ") + part_name(lang, s) + ": " +
               (list.empty() ? text(lang, "journal.nothing") : list);
    }
    return out.empty() ? text(lang, "journal.nothing") : out;
}

}  // namespace

std::string created_entry(const text::TimeReader& reader, const domain::Share& share,
                          const domain::Selection& selection,
                          const domain::CaseSnapshot& snapshot) {
    const domain::Language lang = reader.language;
    std::string out = text(lang, "journal.created");
    out = fill(out, "recipient", recipient_of(lang, share));
    out = fill(out, "date", text::date_time_text(share.expires_at, reader));
    out = fill(out, "protection", protection_of(lang, share.protection));
    out = fill(out, "what", visible_items(reader, selection, snapshot));
    if (share.download_limit) {
        out += ui::count_text(lang, "journal.created.limit", *share.download_limit);
    }
    return out;
}

std::string changed_entry(const text::TimeReader& reader, const domain::Share& share,
                          ShareJournal::Change what) {
    const domain::Language lang = reader.language;
    std::string out;
    switch (what) {
        case ShareJournal::Change::Expiry:
            out = fill(text(lang, "journal.changed.expiry"), "date",
                       text::date_time_text(share.expires_at, reader));
            break;
        case ShareJournal::Change::DownloadLimit:
            out = share.download_limit
                      ? ui::count_text(lang, "journal.changed.limit", *share.download_limit)
                      : text(lang, "journal.changed.no_limit");
            break;
        case ShareJournal::Change::Protection:
            out = fill(text(lang, "journal.changed.protection"), "protection",
                       protection_of(lang, share.protection));
            break;
    }
    return fill(out, "recipient", recipient_of(lang, share));
}

std::string revoked_entry(domain::Language lang, const std::vector<domain::Share>& shares) {
    if (shares.size() == 1) {
        return fill(text(lang, "journal.revoked"), "recipient", recipient_of(lang, shares[0]));
    }
    std::string names;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const char* glue = i == 0 ? "" : (i + 1 == shares.size() ? " " : ", ");
        names += glue;
        if (i > 0 && i + 1 == shares.size()) {
            names += text(lang, "journal.and") + " ";
        }
        names += recipient_of(lang, shares[i]);
    }
    return fill(ui::count_text(lang, "journal.revoked.many", static_cast<long long>(shares.size())),
                "recipients", names);
}

std::string opened_entry(domain::Language lang, const domain::Share& share) {
    return fill(text(lang, "journal.opened"), "recipient", recipient_of(lang, share));
}

}  // namespace es::app
