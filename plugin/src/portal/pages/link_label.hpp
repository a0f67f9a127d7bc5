// Which link a page of the owner's preview belongs to, in words: the recipient as the share
// dialog recorded them. With previews of several links open, this is how the owner tells them
// apart.
#pragma once

#include <string>

#include "domain/language.hpp"
#include "domain/recipient.hpp"

namespace es::portal::pages {

// "Name (e-mail)", "Name (phone)", "Name", "e-mail", "phone", or the words for a link without
// recipient details. Not escaped.
std::string link_label(const domain::Recipient& recipient, domain::Language language);

}  // namespace es::portal::pages
