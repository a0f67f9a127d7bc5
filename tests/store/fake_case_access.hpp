// Cases as a host would report them, held in memory: the CaseAccess port is ours, so a simple
// implementation of it is not a mock of something that runs elsewhere.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "app/case_access.hpp"
#include "domain/error.hpp"

namespace es::test {

class FakeCaseAccess : public app::CaseAccess {
  public:
    struct Case {
        std::string organisation_id;
        std::string case_type;
        domain::CaseItems items;
        std::set<std::string> users;  // who may access it
    };

    void put(const std::string& case_id, Case c) {
        std::lock_guard lock(mutex_);
        cases_[case_id] = std::move(c);
    }
    void add_attachment(const std::string& case_id, const std::string& id) {
        std::lock_guard lock(mutex_);
        cases_.at(case_id).items.attachments.push_back(id);
    }
    void delete_attachment(const std::string& case_id, const std::string& id) {
        std::lock_guard lock(mutex_);
        auto& a = cases_.at(case_id).items.attachments;
        std::erase(a, id);
    }

    // Missing or of another organisation: NotFound; a user not among the case's: Denied.
    domain::CaseSnapshot read_case(const domain::Actor& actor, const std::string& case_id,
                                   domain::CaseParts parts) override {
        std::lock_guard lock(mutex_);
        auto it = cases_.find(case_id);
        if (it == cases_.end() || it->second.organisation_id != actor.organisation_id) {
            throw domain::Error(domain::Error::Kind::NotFound, "no such case");
        }
        if (!actor.user_id.empty() && it->second.users.count(actor.user_id) == 0) {
            throw domain::Error(domain::Error::Kind::Denied, "you may not access this case");
        }
        domain::CaseSnapshot c;
        c.id = case_id;
        c.parts = parts;
        c.case_type_id = it->second.case_type;
        for (const auto& id : it->second.items.detail_fields) {
            c.fields.push_back({id, id, ""});
        }
        for (const auto& id : it->second.items.journal_entries) {
            c.journal.push_back({id, "", "", "", false});
        }
        for (const auto& id : it->second.items.attachments) {
            c.attachments.push_back({id, id, "", "", "", 0});
        }
        return c;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, Case> cases_;
};

}  // namespace es::test
