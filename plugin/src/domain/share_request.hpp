// What an owner asks for when making a share, before validation. Raw input: contact data is
// checked and normalised by ShareService::create, which answers with ValidationFailed naming the
// request's fields ("recipient.email", "expires_at", "password", "items[2]", ...).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/recipient.hpp"
#include "domain/section.hpp"
#include "domain/selected_item.hpp"
#include "domain/share_options.hpp"
#include "domain/timestamp.hpp"

namespace es::domain {

struct ShareRequest {
    std::string case_id;
    Recipient recipient;
    Delivery delivery = Delivery::DirectLink;
    std::optional<Timestamp> expires_at;  // none: the policy's default for the delivery
    std::optional<std::string> password;  // none: no password (unless the policy requires one)
    bool require_code = false;            // one-time code by SMS/e-mail before access
    Locale locale = Locale::De;
    std::optional<std::int64_t> download_limit;  // none: unlimited
    bool notify_owner_on_open = false;
    std::set<Section> sections = {Section::Details, Section::Journal, Section::Attachments};
    // The items to list. None: everything the case holds now in `sections`, visible.
    std::optional<std::vector<SelectedItem>> items;
};

}  // namespace es::domain
