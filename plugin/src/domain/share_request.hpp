// What an owner asks for when making a share, before validation. Raw input: contact data is
// checked and normalised by ShareService::create, which answers with ValidationFailed naming the
// request's fields ("recipient.email", "expires_at", "password", "items[2]", ...).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/protection_choice.hpp"
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
    // Mode and password, checked by check_protection_choice: a password mode without a
    // password is refused, never turned into an open link.
    ProtectionChoice protection;
    Language locale = Language::De;
    std::optional<std::int64_t> download_limit;  // none: unlimited
    bool notify_owner_on_open = false;
    std::set<Section> sections = {Section::Details, Section::Journal, Section::Attachments};
    // The items to list. None: everything the case holds now in `sections`, visible.
    std::optional<std::vector<SelectedItem>> items;
    // How the host names the owner now; kept with the share, so the panel names its creator
    // without asking the host for every link. Empty when unknown.
    std::string creator_name;
};

}  // namespace es::domain
