// What one instance commits, an instance on another node sees on its next read. Galera applies a
// commit on the other nodes asynchronously: without waiting for that (wsrep_sync_wait), a link
// revoked through instance A could still open through instance B for a moment after A answered.
#include <gtest/gtest.h>

#include <string>

#include "crypto/token.hpp"
#include "galera_backend.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

class AcrossNodes : public ShareWorld<GaleraNode1> {
  protected:
    void SetUp() override {
        ShareWorld<GaleraNode1>::SetUp();
        auto& galera = static_cast<GaleraBackend&>(*backend);
        other = store::open_store(GaleraCluster::shared().settings(2, galera.database()));
    }

    static std::string hash_of(const domain::CreatedShare& created) {
        return crypto::token_hash(created.url.substr(created.url.rfind('/') + 1));
    }

    std::unique_ptr<store::Store> other;  // an instance on node 2
};

TEST_F(AcrossNodes, ALinkCreatedOnOneNodeOpensAndARevokeShutsItOnTheNextReadOnAnother) {
    // Many rounds: a read that overtakes the other node's apply is a matter of microseconds on
    // loopback, so one round would prove little either way.
    constexpr int kRounds = 150;
    int not_yet_open = 0;
    int still_open = 0;
    for (int i = 0; i < kRounds; ++i) {
        const auto created = service->create(alice, request());
        const std::string hash = hash_of(created);
        if (!other->shares().find_live_by_token_hash(hash)) {
            ++not_yet_open;
        }
        service->revoke(alice, created.share.id);
        if (other->shares().find_live_by_token_hash(hash)) {
            ++still_open;
        }
    }
    EXPECT_EQ(0, not_yet_open) << "of " << kRounds << " links created on node 1";
    EXPECT_EQ(0, still_open) << "of " << kRounds << " links revoked on node 1";
}

}  // namespace
}  // namespace es::test
