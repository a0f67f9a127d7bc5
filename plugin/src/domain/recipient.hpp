// The external person a share is for. Every part is optional: a direct link may be handed over
// without any contact data at all.
#pragma once

#include <optional>
#include <string>

namespace es::domain {

struct Recipient {
    std::optional<std::string> name;
    std::optional<std::string> email;  // validated, see contact.hpp
    std::optional<std::string> phone;  // normalised E.164: "+41791234567"

    bool operator==(const Recipient&) const = default;
};

}  // namespace es::domain
