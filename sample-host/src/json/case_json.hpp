// The JSON shapes of case data, shared by the web API and the dm.cases/1 host service so that a
// plugin sees exactly what the UI shows (schemas in host-sdk/include/dm/ext/cases.h).
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "store/records.hpp"

namespace host {

class CaseJson {
  public:
    // {"id","number","title","status","case_type":{"id","name"},"owner_user_id","fields":[...],
    //  "correspondent":{"name","email","phone"}}, labels in `locale`.
    static Poco::JSON::Object::Ptr details(const CaseRecord& c, const std::string& locale);
    // One row of the case overview.
    static Poco::JSON::Object::Ptr summary(const CaseRecord& c, const std::string& locale);
    static Poco::JSON::Array::Ptr journal(const std::vector<JournalEntry>& entries);
    static Poco::JSON::Array::Ptr attachments(const std::vector<Attachment>& attachments);
    static Poco::JSON::Array::Ptr case_types(const std::vector<CaseType>& types,
                                             const std::string& locale);
    static Poco::JSON::Object::Ptr user(const User& u);

    template <typename Ptr>
    static std::string text(const Ptr& json);
};

}  // namespace host
