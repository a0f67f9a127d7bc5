#include "support/licence_world.hpp"

#include <random>

namespace es::licence::testing {

const VendorKeyPair& vendor_keys() {
    static const VendorKeyPair pair = generate_vendor_key_pair();
    return pair;
}

const VendorKeyPair& stranger_keys() {
    static const VendorKeyPair pair = generate_vendor_key_pair();
    return pair;
}

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("es-licence-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

namespace {

std::unique_ptr<store::Store> open_store(const TempDir& dir) {
    config::StorageSettings settings;
    settings.sqlite_path = (dir.path() / "es.db").string();
    return store::open_store(settings);
}

config::LicensingSettings licensing() {
    config::LicensingSettings s;
    s.trial_days = 30;
    s.seat_grace_days = 14;
    return s;
}

}  // namespace

LicenceWorld::LicenceWorld()
    : store(open_store(dir)),
      licences_store(store->licences()),
      verifier({{"vendor-1", vendor_keys().public_pem}}),
      settings(licensing()),
      service(licences_store, clock, verifier, settings,
              [this](const std::string&) { return active_users.load(); }) {}

std::string LicenceWorld::key(int seats, domain::Timestamp from, domain::Timestamp until,
                              domain::Plan plan, const std::string& org) const {
    domain::Licence l;
    l.licence_id = "L-" + std::to_string(seats) + "-" + text::format_utc_date(until);
    l.organisation_id = org;
    l.plan = plan;
    l.seats = seats;
    l.valid_from = from;
    l.valid_until = until;
    return LicenceSigner(vendor_keys().private_pem, "vendor-1").sign(l);
}

}  // namespace es::licence::testing
