// Where a code goes, shown so the recipient recognises it without the page revealing it:
// "+41 •• ••• •• 67", "m•••@example.org".
#pragma once

#include <string>
#include <string_view>

namespace es::portal::pages {

// E.164 number: country code and the last two digits stay, the rest become dots in groups.
std::string masked_phone(std::string_view e164);
// First character of the local part and the whole domain stay.
std::string masked_email(std::string_view address);

}  // namespace es::portal::pages
