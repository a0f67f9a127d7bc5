// Cases as a host would report them, held in memory: the CaseAccess port is ours, so a simple
// implementation of it is not a mock of something that runs elsewhere.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "app/case_access.hpp"

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

    std::optional<std::string> case_type(const domain::Actor& actor,
                                         const std::string& case_id) override {
        std::lock_guard lock(mutex_);
        auto it = cases_.find(case_id);
        if (it == cases_.end() || it->second.organisation_id != actor.organisation_id) {
            return std::nullopt;
        }
        return it->second.case_type;
    }
    bool may_access(const domain::Actor& actor, const std::string& case_id) override {
        std::lock_guard lock(mutex_);
        auto it = cases_.find(case_id);
        return it != cases_.end() && it->second.organisation_id == actor.organisation_id &&
               it->second.users.count(actor.user_id) != 0;
    }
    domain::CaseItems items(const domain::Actor& actor, const std::string& case_id) override {
        std::lock_guard lock(mutex_);
        auto it = cases_.find(case_id);
        if (it == cases_.end() || it->second.organisation_id != actor.organisation_id) {
            return {};
        }
        return it->second.items;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, Case> cases_;
};

}  // namespace es::test
