// Everything a licensing test needs, real where it can be: a fresh SQLite store in a temporary
// directory (the store's own migrations), vendor key pairs generated for the run (no private key is
// ever committed), a verifier trusting key "vendor-1", a hand-set clock and a settable user count.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "licence/licence_service.hpp"
#include "licence/licence_signer.hpp"
#include "licence/licence_verifier.hpp"
#include "store/store.hpp"
#include "support/manual_clock.hpp"

namespace es::licence::testing {

// Generated once per test process: EC key generation is the slow part.
const VendorKeyPair& vendor_keys();
const VendorKeyPair& stranger_keys();

// A temporary directory removed at destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

class LicenceWorld {
  public:
    static constexpr const char* kOrg = "org-1";
    static constexpr const char* kAdmin = "user-admin";

    LicenceWorld();

    // A licence for kOrg with `seats`, valid [from, until), signed by the vendor key "vendor-1".
    std::string key(int seats, domain::Timestamp from, domain::Timestamp until,
                    domain::Plan plan = domain::Plan::Module, const std::string& org = kOrg) const;

    TempDir dir;
    std::unique_ptr<store::Store> store;
    store::LicenceStore& licences_store;
    ManualClock clock{at("2026-03-01T09:00:00Z")};
    LicenceVerifier verifier;
    config::LicensingSettings settings;
    std::atomic<std::int64_t> active_users{5};
    LicenceService service;
};

}  // namespace es::licence::testing
