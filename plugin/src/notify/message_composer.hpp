// Turns an outbox row into the e-mail or SMS that leaves the building: picks the organisation's
// template (or the built-in one) in the share's locale, fills in the values (HTML-escaped in HTML
// parts), opens the sealed link token or code, and writes correct MIME.
//
// The Message-ID comes from the row alone ("<es.<id>.<created ms>@<from domain>>"), so a message
// sent again after a crash carries the same Message-ID and receivers can drop the duplicate.
//
// Secrets: `open_secret(sealed, associated_data)` returns the plain value of a sealed one — in the
// module, crypto::SecretBox::open: [&box](auto s, auto ad) { return box.open(s, ad); }.
//
// Thread safety: immutable after construction; compose() may run on any thread (so must
// open_secret). `templates` must outlive the composer.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "domain/outbox_message.hpp"
#include "notify/composed_message.hpp"
#include "notify/template_catalog.hpp"

namespace es::notify {

class MessageComposer {
  public:
    using OpenSecret =
        std::function<std::string(std::string_view sealed, std::string_view associated_data)>;

    // `public_url`: PortalSettings::public_url, what links start with. Times in messages are on
    // the organisation's clock (`organisations`), with the zone named: the reader may be elsewhere.
    MessageComposer(const config::NotifySettings& settings, std::string public_url,
                    const TemplateCatalog& templates, OpenSecret open_secret,
                    config::OrganisationSettings organisations = {});

    // Throws InvalidAddress for a malformed address, std::invalid_argument for a row that cannot
    // be rendered (unknown kind, unreadable payload), es::domain::Error when a secret cannot be
    // opened (es::domain::Error from SecretBox). None of these gets better by retrying.
    ComposedMessage compose(const domain::OutboxMessage& message, domain::Timestamp now) const;

    std::string message_id(const domain::OutboxMessage& message) const;

  private:
    std::string from_name_;
    std::string from_address_;
    std::string id_domain_;
    std::string public_url_;
    const TemplateCatalog& templates_;
    OpenSecret open_secret_;
    config::OrganisationSettings organisations_;
};

}  // namespace es::notify
