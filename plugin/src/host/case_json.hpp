// The host's dm.cases answers (schemas in dm/ext/cases.h) as plugin values. Read with the small
// strict reader (text/json_reader.hpp): a portal page reads a case on every request, and building
// Poco::JSON's Dynamic::Var trees for it was 12 % of a page's CPU.
//
// Errors: text::JsonError naming what is malformed or missing; HostAdapter reports it as the
// host's fault (domain::Error Internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/case_parts.hpp"
#include "domain/case_snapshot.hpp"
#include "domain/case_type.hpp"

namespace es::host {

// read_case's answer {"details":…,"journal":[…],"attachments":[…]} for the parts `asked`; every
// part asked for must be there. The details must name the case type: policy decisions depend on
// it, and a guess would be a wider policy.
domain::CaseSnapshot case_from_json(std::string_view answer, const std::string& case_id,
                                    domain::CaseParts asked);

// case_types' answer [{"id","name"}].
std::vector<domain::CaseType> case_types_from_json(std::string_view answer);

}  // namespace es::host
