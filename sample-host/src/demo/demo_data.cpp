#include "demo/demo_data.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

#include "auth/password_hash.hpp"
#include "auth/tokens.hpp"
#include "demo/demo_files.hpp"
#include "log/host_log.hpp"
#include "store/sql_query.hpp"

namespace host {

namespace fs = std::filesystem;

namespace {

struct DemoUser {
    const char* login;
    const char* name;
    const char* role;
    bool active;
};

struct DemoOrganisation {
    const char* name;
    const char* prefix;
    std::vector<DemoUser> users;
    std::vector<std::pair<const char*, const char*>> case_types;  // de, en
    std::vector<const char*> titles;
};

const std::vector<DemoOrganisation>& organisations() {
    static const std::vector<DemoOrganisation> all = {
        {"Stadt Musterhausen",
         "MH",
         {{"anna.meier", "Anna Meier", "caseworker", true},
          {"beat.keller", "Beat Keller", "caseworker", true},
          {"claudia.frei", "Claudia Frei", "organisation_admin", true},
          {"daniel.roth", "Daniel Roth", "caseworker", false}},
         {{"Baugesuch", "Building permit"},
          {"Beschwerde", "Complaint"},
          {"Sozialhilfe", "Social assistance"},
          {"Einbürgerung", "Naturalisation"}},
         {"Baugesuch Anbau", "Beschwerde Lärm", "Antrag Sozialhilfe", "Einbürgerungsgesuch",
          "Umbau Dachstock", "Parkplatzbewilligung", "Beschwerde Abfallentsorgung",
          "Gesuch Fassadensanierung", "Unterstützung Mietzins", "Gesuch Sitzplatzüberdachung"}},
        {"Beratungsstelle Seeland",
         "BS",
         {{"eva.schmid", "Eva Schmid", "caseworker", true},
          {"felix.huber", "Felix Huber", "caseworker", true},
          {"gabriela.weber", "Gabriela Weber", "organisation_admin", true}},
         {{"Beratung", "Counselling"},
          {"Schuldenberatung", "Debt counselling"},
          {"Familienbegleitung", "Family support"}},
         {"Erstberatung", "Budgetplanung", "Begleitung Familie", "Schuldensanierung",
          "Beratung Arbeitsplatz", "Unterstützung Wohnungssuche", "Krisenintervention",
          "Beratung Erziehung"}},
    };
    return all;
}

const std::vector<const char*> kFirstNames = {"Lea",   "Noah",  "Mia",   "Luca",  "Sofia",
                                              "Elias", "Lina",  "Jonas", "Nina",  "David",
                                              "Laura", "Marco", "Sarah", "Simon", "Julia"};
const std::vector<const char*> kLastNames = {"Müller", "Schneider", "Fischer", "Brunner",
                                             "Gerber", "Baumann",   "Zbinden", "Steiner",
                                             "Moser",  "Graf",      "Wyss",    "Bachmann"};
const std::vector<const char*> kJournalTexts = {
    "Telefonat mit der Gesuchstellerin, Unterlagen nachgefordert.",
    "Unterlagen vollständig eingegangen.",
    "Augenschein vor Ort durchgeführt.",
    "Rückfrage an die Fachstelle gesendet.",
    "Interne Notiz: Rücksprache mit Vorgesetzter nötig.",
    "Entscheid vorbereitet und zur Unterschrift weitergeleitet.",
    "Gespräch mit der Klientin, nächster Termin vereinbart.",
    "Interne Einschätzung: Dossier prioritär behandeln."};

std::string rfc3339(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string date_only(std::time_t t) {
    return rfc3339(t).substr(0, 10);
}

std::string zero_pad(int n, int width) {
    std::string s = std::to_string(n);
    return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

std::string ascii_mail_part(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xc3 && i + 1 < s.size()) {  // the umlauts of the demo names
            unsigned char d = static_cast<unsigned char>(s[++i]);
            out += d == 0xbc ? "ue" : d == 0xb6 ? "oe" : d == 0xa4 ? "ae" : "e";
        } else if (c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        }
    }
    return out;
}

class Writer {
  public:
    Writer(Poco::Data::Session& s, const DemoOptions& o) : s_(s), o_(o) {}

    std::int64_t insert(const std::string& sql, const std::vector<SqlParam>& params) {
        sql_execute(s_, sql, params);
        return SqlRows(s_, "SELECT last_insert_rowid()", {}).integer(0, 0);
    }

    void attachment(std::int64_t org, std::int64_t case_id, const std::string& name,
                    const std::string& media_type, const std::string& content,
                    const std::string& modified) {
        std::string rel = "attachments/" + std::to_string(org) + "/" + std::to_string(case_id) +
                          "/" + std::to_string(++file_counter_) + ".bin";
        fs::path full = fs::path(o_.data_directory) / rel;
        fs::create_directories(full.parent_path());
        std::ofstream(full, std::ios::binary).write(content.data(), content.size());
        insert(
            "INSERT INTO attachments (case_id, name, media_type, size, sha256, modified, "
            "storage_path) VALUES (?,?,?,?,?,?,?)",
            {case_id, name, media_type, static_cast<std::int64_t>(content.size()),
             Tokens::sha256_hex(content), modified, rel});
    }

    void big_attachment(std::int64_t org, std::int64_t case_id, const std::string& modified) {
        std::string rel = "attachments/" + std::to_string(org) + "/" + std::to_string(case_id) +
                          "/big-archive.bin";
        fs::path full = fs::path(o_.data_directory) / rel;
        fs::create_directories(full.parent_path());
        auto started = std::chrono::steady_clock::now();
        std::string sha = DemoFiles::write_large(full.string(), o_.big_attachment_bytes);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
        HostLog::info("demo: wrote the large attachment (" +
                      std::to_string(o_.big_attachment_bytes >> 20) + " MiB) in " +
                      std::to_string(ms) + " ms");
        insert(
            "INSERT INTO attachments (case_id, name, media_type, size, sha256, modified, "
            "storage_path) VALUES (?,?,?,?,?,?,?)",
            {case_id, std::string("Planarchiv-Gesamtscan.bin"),
             std::string("application/octet-stream"),
             static_cast<std::int64_t>(o_.big_attachment_bytes), sha, modified, rel});
    }

  private:
    Poco::Data::Session& s_;
    const DemoOptions& o_;
    int file_counter_ = 0;
};

void create_organisation(Writer& w, const DemoOrganisation& org, const DemoOptions& options,
                         bool with_big_file, std::mt19937& rng) {
    std::int64_t org_id =
        w.insert("INSERT INTO organisations (name) VALUES (?)", {std::string(org.name)});
    std::vector<std::int64_t> users;
    for (const auto& u : org.users) {
        std::string password =
            "demo-" + std::string(u.login).substr(0, std::string(u.login).find('.'));
        users.push_back(w.insert(
            "INSERT INTO users (organisation_id, login, display_name, email, password_hash, role, "
            "active) VALUES (?,?,?,?,?,?,?)",
            {org_id, std::string(u.login), std::string(u.name),
             std::string(u.login) + "@" +
                 (org.prefix == std::string("MH") ? "musterhausen.example" : "seeland.example"),
             PasswordHash::create(password), std::string(u.role), std::int64_t{u.active ? 1 : 0}}));
    }
    std::vector<std::int64_t> types;
    for (const auto& [de, en] : org.case_types) {
        types.push_back(
            w.insert("INSERT INTO case_types (organisation_id, name_de, name_en) VALUES (?,?,?)",
                     {org_id, std::string(de), std::string(en)}));
    }
    const std::time_t base = 1704067200;  // 2024-01-01T00:00:00Z
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    for (int i = 1; i <= options.cases_per_organisation; ++i) {
        std::string first = kFirstNames[pick(kFirstNames.size())];
        std::string last = kLastNames[pick(kLastNames.size())];
        std::string correspondent = first + " " + last;
        std::string email =
            (i % 10 == 3) ? ""
                          : ascii_mail_part(first) + "." + ascii_mail_part(last) + "@example.org";
        std::string phone = (i % 5 < 3) ? "+41 79 " + zero_pad(100 + pick(900), 3) + " " +
                                              zero_pad(pick(100), 2) + " " + zero_pad(pick(100), 2)
                                        : "";
        std::time_t received = base + static_cast<std::time_t>(i) * 3600 * 7 + pick(3600);
        std::time_t updated = received + 86400 * static_cast<std::time_t>(1 + pick(30));
        std::string number =
            std::string(org.prefix) + "-" + date_only(received).substr(0, 4) + "-" + zero_pad(i, 5);
        std::string title = std::string(org.titles[pick(org.titles.size())]) + " " + last;
        std::int64_t owner = users[pick(users.size())];
        std::int64_t case_id = w.insert(
            "INSERT INTO cases (organisation_id, number, title, status, case_type_id, "
            "owner_user_id, correspondent_name, correspondent_email, correspondent_phone, subject, "
            "reference, received_date, created_at, updated_at) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            {org_id, number, title, std::string(i % 7 == 0 ? "closed" : "open"),
             types[pick(types.size())], owner, correspondent, email, phone,
             "Anliegen von " + correspondent,
             "REF-" + zero_pad(static_cast<int>(10000 + pick(89999)), 5), date_only(received),
             rfc3339(received), rfc3339(updated)});
        int entries = 1 + static_cast<int>(pick(4));
        for (int e = 0; e < entries; ++e) {
            std::string text = kJournalTexts[pick(kJournalTexts.size())];
            bool internal = text.rfind("Intern", 0) == 0;
            w.insert(
                "INSERT INTO journal_entries (case_id, entry_date, author_user_id, text, internal) "
                "VALUES (?,?,?,?,?)",
                {case_id, rfc3339(received + 86400 * (e + 1)), users[pick(users.size())], text,
                 std::int64_t{internal ? 1 : 0}});
        }
        std::string modified = rfc3339(received + 3600);
        switch (i % 4) {
            case 0:
                w.attachment(org_id, case_id, "Verfügung " + number + ".pdf", "application/pdf",
                             DemoFiles::pdf("Verfuegung " + number, title), modified);
                w.attachment(org_id, case_id, "Foto Situation.png", "image/png",
                             DemoFiles::png(160, 120, static_cast<std::uint32_t>(i)), modified);
                break;
            case 1:
                w.attachment(org_id, case_id, "Gesprächsnotiz.txt", "text/plain; charset=utf-8",
                             DemoFiles::text("Gesprächsnotiz " + number,
                                             "Gespräch mit " + correspondent + "."),
                             modified);
                break;
            case 2:
                w.attachment(org_id, case_id, "Kostenaufstellung.csv", "text/csv; charset=utf-8",
                             DemoFiles::csv(static_cast<std::uint32_t>(i)), modified);
                w.attachment(org_id, case_id, "Eingabe " + correspondent + ".pdf",
                             "application/pdf", DemoFiles::pdf("Eingabe", correspondent), modified);
                w.attachment(org_id, case_id, "Plan.png", "image/png",
                             DemoFiles::png(96, 96, static_cast<std::uint32_t>(i * 7)), modified);
                break;
            default:
                break;  // some cases have no attachment at all
        }
        if (with_big_file && i == 1) {
            w.big_attachment(org_id, case_id, modified);
        }
    }
}

}  // namespace

const std::vector<DemoLogin>& DemoData::logins() {
    static const std::vector<DemoLogin> all = [] {
        std::vector<DemoLogin> out;
        for (const auto& org : organisations()) {
            for (const auto& u : org.users) {
                if (!u.active)
                    continue;
                std::string login = u.login;
                out.push_back(
                    {org.name, login, "demo-" + login.substr(0, login.find('.')), u.role});
            }
        }
        return out;
    }();
    return all;
}

void DemoData::ensure(Database& db, const DemoOptions& options) {
    auto s = db.session();
    if (SqlRows(s, "SELECT COUNT(*) FROM organisations", {}).integer(0, 0) > 0) {
        return;
    }
    HostLog::info("demo: creating demo data (" + std::to_string(options.cases_per_organisation) +
                  " cases per organisation)");
    std::mt19937 rng(20240101);
    Writer w(s, options);
    s.begin();
    try {
        bool first = true;
        for (const auto& org : organisations()) {
            create_organisation(w, org, options, first && options.big_attachment, rng);
            first = false;
        }
        s.commit();
    } catch (...) {
        s.rollback();
        throw;
    }
    HostLog::info("demo: demo data ready");
}

}  // namespace host
