// A case type of an organisation as the host names it (dm.cases `case_types`).
#pragma once

#include <string>

namespace es::domain {

struct CaseType {
    std::string id;
    std::string name;  // in the asking user's language
};

}  // namespace es::domain
