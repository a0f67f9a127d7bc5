// Everything a contract test needs: a fresh database of one backend, the store on it, a few cases
// in two organisations, and a ShareService wired to them.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "app/share_service.hpp"
#include "crypto/base64url.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/secret_box.hpp"
#include "domain/error.hpp"
#include "fake_case_access.hpp"
#include "store_backend.hpp"

namespace es::test {

struct Sqlite {
    static std::unique_ptr<StoreBackend> make() { return make_sqlite_backend(); }
};
struct Mariadb {
#ifndef ES_STORE_SQLITE_ONLY
    static std::unique_ptr<StoreBackend> make() {
        return make_mariadb_backend();
    }
#endif
};

// Runs f(0) … f(threads - 1), each on a thread of its own, all released together.
template <class F>
void in_parallel(int threads, F f) {
    std::vector<std::thread> pool;
    std::atomic<bool> go{false};
    for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            while (!go) {
                std::this_thread::yield();
            }
            f(i);
        });
    }
    go = true;
    for (auto& t : pool) {
        t.join();
    }
}

// How a race of `attempt`s ended: how many returned true, how many threw domain::Error.
struct RaceResult {
    int won = 0;
    int errors = 0;
};

// Runs `attempt` on `threads` threads released together.
template <class F>
RaceResult race(int threads, F attempt) {
    std::atomic<int> won{0};
    std::atomic<int> errors{0};
    in_parallel(threads, [&](int) {
        try {
            won += attempt() ? 1 : 0;
        } catch (const domain::Error&) {
            ++errors;
        }
    });
    return {won.load(), errors.load()};
}

inline config::PolicyConfig test_policy() {
    config::PolicyConfig p;
    config::PolicySettings off = p.defaults;
    off.enabled = false;
    p.case_types["sealed"] = off;
    config::PolicySettings strict = p.defaults;
    strict.require_password = true;
    p.case_types["strict"] = strict;
    return p;
}

inline config::Argon2Settings fast_argon2() {
    config::Argon2Settings a;
    a.memory_kib = 8 * 1024;  // the loader's minimum; tests need speed, not strength
    a.iterations = 1;
    a.max_in_flight = 2;
    return a;
}

// A ShareService and what it needs besides a store: the host's cases (fake), a fresh sealing key,
// a fast password hasher, the test policy; alice of org-a to act.
struct ShareServiceParts {
    void start_service(store::Store& store) {
        service = std::make_unique<app::ShareService>(store, cases, box, hasher, policy,
                                                      "https://share.example.org");
    }

    FakeCaseAccess cases;
    crypto::SecretBox box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    crypto::PasswordHasher hasher{fast_argon2()};
    config::PolicyConfig policy = test_policy();
    std::unique_ptr<app::ShareService> service;
    domain::Actor alice{"org-a", "alice", domain::Language::De};
};

template <class Backend>
class ShareWorld : public ::testing::Test, protected ShareServiceParts {
  protected:
    void SetUp() override {
        backend = Backend::make();
        store = backend->open();
        cases.put(
            "case-1",
            {"org-a", "general", {{"f1", "f2"}, {"j1", "j2"}, {"a1", "a2"}}, {"alice", "bob"}});
        cases.put("case-2", {"org-a", "general", {{"f1"}, {}, {"a9"}}, {"alice"}});
        cases.put("case-sealed", {"org-a", "sealed", {{"f1"}, {}, {}}, {"alice"}});
        cases.put("case-strict", {"org-a", "strict", {{"f1"}, {}, {}}, {"alice"}});
        cases.put("case-b", {"org-b", "general", {{"f1"}, {}, {"b1"}}, {"zoe"}});
        start_service(*store);
    }

    domain::ShareRequest request(const std::string& case_id = "case-1") {
        domain::ShareRequest r;
        r.case_id = case_id;
        r.recipient.name = "Erika Muster";
        r.recipient.email = "erika@example.org";
        return r;
    }

    std::unique_ptr<StoreBackend> backend;
    std::unique_ptr<store::Store> store;
    domain::Actor bob{"org-a", "bob", domain::Language::En};
    domain::Actor zoe{"org-b", "zoe", domain::Language::En};
};

#ifdef ES_STORE_SQLITE_ONLY
using Backends = ::testing::Types<Sqlite>;
#else
using Backends = ::testing::Types<Sqlite, Mariadb>;
#endif

class BackendNames {
  public:
    template <class T>
    static std::string GetName(int) {
        return std::is_same_v<T, Sqlite> ? "Sqlite" : "Mariadb";
    }
};

}  // namespace es::test
