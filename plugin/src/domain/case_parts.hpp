// Which parts of a case one read asks the host for. Each request asks only for what it shows or
// decides on: a download needs the attachment list, a page what its share includes, a policy
// decision the details (for the case type).
#pragma once

namespace es::domain {

struct CaseParts {
    bool details = false;  // number, title, case type, correspondent, detail fields
    bool journal = false;
    bool attachments = false;

    static constexpr CaseParts all() { return {true, true, true}; }
    static constexpr CaseParts details_only() { return {true, false, false}; }

    bool operator==(const CaseParts&) const = default;
};

}  // namespace es::domain
