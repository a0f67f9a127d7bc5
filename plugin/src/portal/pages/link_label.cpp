#include "portal/pages/link_label.hpp"

#include <optional>

#include "portal/pages/texts.hpp"

namespace es::portal::pages {

std::string link_label(const domain::Recipient& recipient, domain::Language language) {
    const auto present = [](const std::optional<std::string>& v) { return v && !v->empty(); };
    // Name and address together: two links for one person differ in how they reach them.
    const std::optional<std::string>& contact =
        present(recipient.email) ? recipient.email : recipient.phone;
    if (present(recipient.name)) {
        return present(contact) ? *recipient.name + " (" + *contact + ")" : *recipient.name;
    }
    return present(contact) ? *contact : texts(language).no_recipient;
}

}  // namespace es::portal::pages
