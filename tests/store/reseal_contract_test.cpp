// Key rotation on each backend: after a new key is put first, every share's link token and
// password are re-sealed with it (so the old key can go), a share changed meanwhile keeps its
// change, and a secret sealed with a key nobody holds any more is reported, not lost.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "app/maintenance_job.hpp"
#include "app/secret_reseal.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

std::string key_line(const std::string& id) {
    return id + ":" + crypto::base64_encode(crypto::random_bytes(32));
}

template <class B>
class ResealContract : public ShareWorld<B> {
  protected:
    void SetUp() override {
        ShareWorld<B>::SetUp();
        this->box = crypto::SecretBox::from_key_lines(old_key);  // the service seals with it
    }

    // Creates shares, every other one with a password; remembers their secrets in clear.
    void create_shares(int n) {
        for (int i = 0; i < n; ++i) {
            auto r = this->request();
            if (i % 2 == 0) {
                r.protection = {domain::Protection::Password,
                                "pass-" + std::to_string(i) + "-word"};
            }
            const auto share = this->service->create(this->alice, r).share;
            const auto stored = stored_share(share.id);
            clear[share.id] = {
                this->box.open(stored.secrets.sealed_token, app::token_purpose(share.id)),
                stored.secrets.sealed_password ? this->box.open(*stored.secrets.sealed_password,
                                                                app::password_purpose(share.id))
                                               : ""};
        }
    }

    domain::Share stored_share(const std::string& id) {
        return *this->store->shares().find("org-a", id);
    }

    const std::string old_key = key_line("k1");
    const std::string new_key = key_line("k2");
    std::map<std::string, std::pair<std::string, std::string>> clear;  // id → (token, password)
};

TYPED_TEST_SUITE(ResealContract, Backends, BackendNames);

TYPED_TEST(ResealContract, EveryShareIsReSealedWithTheNewKeyAndOpensWithoutTheOldOne) {
    this->create_shares(7);
    const auto rotated = crypto::SecretBox::from_key_lines(this->new_key + "\n" + this->old_key);
    const auto report = app::reseal_shares(this->store->shares(), rotated, 3);  // three batches
    EXPECT_EQ(7, report.resealed);
    EXPECT_EQ(0, report.unreadable);
    EXPECT_EQ(0, report.changed);

    const auto only_new = crypto::SecretBox::from_key_lines(this->new_key);
    for (const auto& [id, secrets] : this->clear) {
        const auto stored = this->stored_share(id);
        EXPECT_EQ(0u, stored.secrets.sealed_token.rfind("v1.k2.", 0)) << id;
        EXPECT_EQ(secrets.first,
                  only_new.open(stored.secrets.sealed_token, app::token_purpose(id)));
        if (secrets.second.empty()) {
            EXPECT_FALSE(stored.secrets.sealed_password.has_value()) << id;
        } else {
            ASSERT_TRUE(stored.secrets.sealed_password.has_value()) << id;
            EXPECT_EQ(secrets.second,
                      only_new.open(*stored.secrets.sealed_password, app::password_purpose(id)));
        }
    }
    EXPECT_EQ(0, app::reseal_shares(this->store->shares(), rotated).resealed)
        << "nothing is left under the old key";
}

TYPED_TEST(ResealContract, AShareChangedBetweenReadingAndWritingKeepsItsChange) {
    this->create_shares(2);
    auto& shares = this->store->shares();
    const auto before = shares.sealed_by_other_keys("k2", "", 10);
    ASSERT_EQ(2u, before.size());
    const auto& with_password = before[0].password ? before[0] : before[1];
    // The owner removes the password meanwhile.
    this->backend->exec(
        "UPDATE shares SET sealed_password = NULL, password_hash = NULL WHERE id = '" +
        with_password.share_id + "'");
    auto renewed = with_password;
    renewed.token = "v1.k2.replaced";
    renewed.password = "v1.k2.replaced";
    EXPECT_FALSE(shares.reseal(with_password, renewed));
    const auto stored = this->stored_share(with_password.share_id);
    EXPECT_FALSE(stored.secrets.sealed_password.has_value()) << "the removal stands";
    EXPECT_NE("v1.k2.replaced", stored.secrets.sealed_token);
}

TYPED_TEST(ResealContract, ASecretUnderAKeyNobodyHoldsIsReportedAndLeftAsItIs) {
    this->box = crypto::SecretBox::from_key_lines(key_line("k0"));
    this->create_shares(1);  // sealed with k0, which the rotated box does not hold
    const std::string lost_id = this->clear.begin()->first;
    const std::string sealed = this->stored_share(lost_id).secrets.sealed_token;
    this->box = crypto::SecretBox::from_key_lines(this->old_key);
    this->create_shares(2);

    const auto rotated = crypto::SecretBox::from_key_lines(this->new_key + "\n" + this->old_key);
    app::MaintenanceJob::Options options;
    options.secrets = &rotated;
    std::vector<std::string> errors;
    app::MaintenanceJob job(*this->store, options,
                            [&](app::MaintenanceJob::LogLevel level, const std::string& text) {
                                if (level == app::MaintenanceJob::LogLevel::Error) {
                                    errors.push_back(text);
                                }
                            });
    const auto report = job.run_once();
    EXPECT_EQ(2, report.resealed);
    EXPECT_EQ(1, report.unreadable_secrets);
    EXPECT_EQ(0, report.failed_steps);
    EXPECT_EQ(sealed, this->stored_share(lost_id).secrets.sealed_token) << "left as it was";
    ASSERT_EQ(1u, errors.size());
    EXPECT_NE(errors[0].find("1 share(s) hold secrets sealed with a key that is not in the key "
                             "file"),
              std::string::npos)
        << errors[0];
}

}  // namespace
}  // namespace es::test
