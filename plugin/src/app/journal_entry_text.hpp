// The texts External Sharing writes into a case's journal, in one language (ui/texts.cpp holds
// the German and the English wording). Each names the recipient (name, and the e-mail address or
// telephone number when known), so that the case file says to whom something was disclosed.
#pragma once

#include <string>
#include <vector>

#include "app/share_journal.hpp"
#include "domain/case_snapshot.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "text/time_text.hpp"
#include "ui/texts.hpp"

namespace es::app {

// To whom, until when, with which protection and download limit, and what is visible (the names of
// the items shown, per part of the case, from `snapshot`).
// Dates in `reader`'s language on the organisation's clock.
std::string created_entry(const text::TimeReader& reader, const domain::Share& share,
                          const domain::Selection& selection, const domain::CaseSnapshot& snapshot);
std::string changed_entry(const text::TimeReader& reader, const domain::Share& share,
                          ShareJournal::Change what);
// One sentence for one link, one for several revoked together.
std::string revoked_entry(domain::Language lang, const std::vector<domain::Share>& shares);
std::string opened_entry(domain::Language lang, const domain::Share& share);

}  // namespace es::app
