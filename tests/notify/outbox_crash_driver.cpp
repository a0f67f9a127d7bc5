// The process that outbox_crash_test kills with SIGKILL: the real store on a SQLite file, the real
// OutboxWorker, the real SmtpMailSender.
//
//   outbox_crash_driver fill <db> <n>        n shares with e-mailed links: n share_link rows
//   outbox_crash_driver deliver <db> <port>  runs the worker against SMTP on 127.0.0.1:<port>
//                                            until killed (short lease: 2 s)
//   outbox_crash_driver report <db> <file>   one line per outbox row: "<id> <status> <Message-ID>"
//
// The ids of the shares made by `fill` are kept in <db>.shares, for `report`. With
// ES_CRASH_DRIVER_MYSQL=<port>/<database> the store is that MySQL/MariaDB database on 127.0.0.1
// (user es, password in ES_TEST_GALERA_PASSWORD: a node of the test Galera cluster) and <db> only
// names the driver's own files; ES_CRASH_DRIVER_BATCH sets the worker's batch size (default 5).
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/case_access.hpp"
#include "app/share_service.hpp"
#include "config/settings.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/secret_box.hpp"
#include "domain/error.hpp"
#include "notify/message_composer.hpp"
#include "notify/outbox_worker.hpp"
#include "notify/smtp_mail_sender.hpp"
#include "notify/spool_sms_sender.hpp"
#include "notify/template_catalog.hpp"
#include "notify_fixtures.hpp"
#include "store/store.hpp"

using namespace es;

namespace {

// A fixed key: `fill` seals the link tokens, a later `deliver` process must open them.
constexpr const char* kKeyLines = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr const char* kOrganisation = "org-crash";

// One case, one user: all the ShareService needs to create shares.
class OneCase : public app::CaseAccess {
  public:
    domain::CaseSnapshot read_case(const domain::Actor& actor, const std::string& case_id,
                                   domain::CaseParts parts) override {
        if (actor.organisation_id != kOrganisation || case_id != "case-1") {
            throw domain::Error(domain::Error::Kind::NotFound, "no such case");
        }
        if (!actor.user_id.empty() && actor.user_id != "alice") {
            throw domain::Error(domain::Error::Kind::Denied, "not for this user");
        }
        domain::CaseSnapshot c;
        c.id = case_id;
        c.parts = parts;
        c.case_type_id = "general";
        c.fields = {{"f1", "Name", ""}};
        c.attachments = {{"a1", "a.txt", "text/plain", "", "", 1}};
        return c;
    }
};

std::unique_ptr<store::Store> open(const std::string& path) {
    config::StorageSettings s;
    if (const char* mysql = std::getenv("ES_CRASH_DRIVER_MYSQL")) {
        const std::string spec = mysql;
        const auto slash = spec.find('/');
        s.backend = config::StorageSettings::Backend::Mysql;
        s.mysql.host = "127.0.0.1";
        s.mysql.port = std::stoi(spec.substr(0, slash));
        s.mysql.database = spec.substr(slash + 1);
        s.mysql.user = "es";
        s.mysql.password_env = "ES_TEST_GALERA_PASSWORD";
        return store::open_store(s);
    }
    s.backend = config::StorageSettings::Backend::Sqlite;
    s.sqlite_path = path;
    return store::open_store(s);
}

config::NotifySettings notify_settings(int port) {
    config::NotifySettings n = test::smtp_sink_settings(port);
    n.backoff_initial_seconds = 1;
    n.backoff_max_seconds = 2;
    n.max_attempts = 50;
    return n;
}

std::vector<std::string> share_ids(const std::string& db) {
    std::vector<std::string> ids;
    std::ifstream in(db + ".shares");
    for (std::string id; in >> id;) {
        ids.push_back(id);
    }
    return ids;
}

int fill(const std::string& db, int n) {
    auto st = open(db);
    OneCase cases;
    const auto box = crypto::SecretBox::from_key_lines(kKeyLines);
    crypto::PasswordHasher hasher(test::fast_argon2());
    config::PolicyConfig policy;
    app::ShareService service(*st, cases, box, hasher, policy, "https://portal.example");
    const domain::Actor alice{kOrganisation, "alice", domain::Language::En};
    std::ofstream ids(db + ".shares");
    for (int i = 0; i < n; ++i) {
        domain::ShareRequest r = test::emailed_link_request(i);
        r.locale = domain::Language::En;
        ids << service.create(alice, r).share.id << "\n";
    }
    return 0;
}

struct Wiring {
    explicit Wiring(const std::string& db, int port)
        : store(open(db)),
          settings(notify_settings(port)),
          box(crypto::SecretBox::from_key_lines(kKeyLines)),
          templates(notify::TemplateCatalog::load("")),
          composer(settings, "https://portal.example", templates,
                   [this](std::string_view sealed, std::string_view associated_data) {
                       return box.open(sealed, associated_data);
                   }),
          outbox(store->outbox()) {}

    std::unique_ptr<store::Store> store;
    config::NotifySettings settings;
    crypto::SecretBox box;
    notify::TemplateCatalog templates;
    notify::MessageComposer composer;
    store::OutboxRepository& outbox;
};

int deliver(const std::string& db, int port) {
    Wiring w(db, port);
    notify::SmtpMailSender mail(w.settings.smtp);
    notify::SpoolSmsSender sms(db + ".sms-spool");
    notify::OutboxWorker::Options options;
    options.poll_interval = std::chrono::milliseconds(200);
    options.lease = std::chrono::seconds(2);
    const char* batch = std::getenv("ES_CRASH_DRIVER_BATCH");
    options.batch_size = batch != nullptr ? std::stoi(batch) : 5;
    notify::OutboxWorker worker(w.settings, w.outbox, w.composer, mail, sms, options,
                                [](notify::OutboxWorker::LogLevel, const std::string& text) {
                                    std::cerr << "worker: " << text << std::endl;
                                });
    worker.start();
    for (;;) {  // until killed
        std::this_thread::sleep_for(std::chrono::hours(1));
    }
}

int report(const std::string& db, const std::string& file) {
    Wiring w(db, 25);
    std::ofstream out(file + ".tmp");
    for (const auto& share : share_ids(db)) {
        for (const auto& row : w.outbox.for_share(share)) {
            out << row.id << " " << domain::to_text(row.status) << " " << w.composer.message_id(row)
                << "\n";
        }
    }
    out.close();
    std::filesystem::rename(file + ".tmp", file);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: outbox_crash_driver fill|deliver|report <db> <arg>\n";
        return 2;
    }
    const std::string mode = argv[1];
    const std::string db = argv[2];
    try {
        if (mode == "fill") {
            return fill(db, std::stoi(argv[3]));
        }
        if (mode == "deliver") {
            return deliver(db, std::stoi(argv[3]));
        }
        if (mode == "report") {
            return report(db, argv[3]);
        }
    } catch (const std::exception& e) {
        std::cerr << "outbox_crash_driver " << mode << ": " << e.what() << "\n";
        return 1;
    }
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
}
