#include "portal/case_view_loader.hpp"

#include "domain/case_items.hpp"

namespace es::portal {

CaseView CaseViewLoader::load(const domain::Share& share, const domain::Selection& selection,
                              domain::Language language, Parts parts) const {
    CaseView view;
    view.details_shared = selection.includes_section(domain::Section::Details);
    view.journal_shared = selection.includes_section(domain::Section::Journal);
    view.attachments_shared = selection.includes_section(domain::Section::Attachments);

    domain::CaseParts wanted;
    wanted.details = parts.details && view.details_shared;
    wanted.journal = parts.journal && view.journal_shared;
    wanted.attachments = parts.attachments && view.attachments_shared;
    if (wanted == domain::CaseParts{}) {
        return view;
    }
    // The portal acts for the organisation, not for a user: the host applies no user rights.
    const domain::Actor organisation{share.organisation_id, "", language};
    const domain::CaseSnapshot c = host_.read_case(organisation, share.case_id, wanted);
    const domain::CaseItems existing = c.items();

    if (wanted.details) {
        view.case_number = c.number;
        view.case_title = c.title;
        for (const auto& f : c.fields) {
            if (selection.is_visible(domain::Section::Details, f.id, existing)) {
                view.fields.push_back({f.id, f.label, f.value});
            }
        }
    }
    if (wanted.journal) {
        for (const auto& e : c.journal) {
            if (selection.is_visible(domain::Section::Journal, e.id, existing)) {
                view.journal.push_back({e.id, e.date, e.author, e.text});
            }
        }
    }
    if (wanted.attachments) {
        for (const auto& a : c.attachments) {
            if (selection.is_visible(domain::Section::Attachments, a.id, existing)) {
                view.attachments.push_back(
                    {a.id, a.name, a.media_type, a.modified, a.sha256, a.size});
            }
        }
    }
    return view;
}

}  // namespace es::portal
