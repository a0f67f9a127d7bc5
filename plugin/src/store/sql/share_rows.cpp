#include "store/sql/share_rows.hpp"

namespace es::store::sql {

std::string share_columns(const std::string& prefix) {
    static const char* const kNames[kShareColumnCount] = {"id",
                                                          "organisation_id",
                                                          "case_id",
                                                          "creator_user_id",
                                                          "creator_removed",
                                                          "recipient_name",
                                                          "recipient_email",
                                                          "recipient_phone",
                                                          "created_at",
                                                          "expires_at",
                                                          "revoked_at",
                                                          "revoked_by",
                                                          "protection",
                                                          "code_channel",
                                                          "locale",
                                                          "delivery",
                                                          "download_limit",
                                                          "downloads_used",
                                                          "notify_owner_on_open",
                                                          "token_hash",
                                                          "sealed_token",
                                                          "password_hash",
                                                          "sealed_password",
                                                          "password_generation",
                                                          "creator_name",
                                                          "first_opening_recorded_at"};
    std::string out;
    for (const char* name : kNames) {
        out += (out.empty() ? "" : ", ") + prefix + name;
    }
    return out;
}

domain::Share share_from_row(const SqlRow& r, std::size_t i) {
    domain::Share s;
    s.id = r.text(i + 0);
    s.organisation_id = r.text(i + 1);
    s.case_id = r.text(i + 2);
    s.creator_user_id = r.text(i + 3);
    s.creator_removed = r.integer(i + 4) != 0;
    s.recipient.name = r.optional_text(i + 5);
    s.recipient.email = r.optional_text(i + 6);
    s.recipient.phone = r.optional_text(i + 7);
    s.created_at = domain::from_epoch_ms(r.integer(i + 8));
    s.expires_at = domain::from_epoch_ms(r.integer(i + 9));
    if (!r.is_null(i + 10)) {
        s.revocation = domain::Revocation{domain::from_epoch_ms(r.integer(i + 10)), r.text(i + 11)};
    }
    s.protection = domain::parse_protection(r.text(i + 12));
    s.code_channel = domain::parse_code_channel(r.text(i + 13));
    s.locale = domain::parse_language(r.text(i + 14));
    s.delivery = domain::parse_delivery(r.text(i + 15));
    s.download_limit = r.optional_integer(i + 16);
    s.downloads_used = r.integer(i + 17);
    s.notify_owner_on_open = r.integer(i + 18) != 0;
    s.secrets.token_hash = r.text(i + 19);
    s.secrets.sealed_token = r.text(i + 20);
    s.secrets.password_hash = r.optional_text(i + 21);
    s.secrets.sealed_password = r.optional_text(i + 22);
    s.secrets.password_generation = r.integer(i + 23);
    s.creator_name = r.optional_text(i + 24).value_or("");
    s.first_opening_recorded = !r.is_null(i + 25);
    return s;
}

std::vector<SqlValue> share_values(const domain::Share& s) {
    std::vector<SqlValue> v;
    v.emplace_back(s.id);
    v.emplace_back(s.organisation_id);
    v.emplace_back(s.case_id);
    v.emplace_back(s.creator_user_id);
    v.emplace_back(std::int64_t{s.creator_removed ? 1 : 0});
    v.push_back(nullable(s.recipient.name));
    v.push_back(nullable(s.recipient.email));
    v.push_back(nullable(s.recipient.phone));
    v.emplace_back(domain::to_epoch_ms(s.created_at));
    v.emplace_back(domain::to_epoch_ms(s.expires_at));
    if (s.revocation) {
        v.emplace_back(domain::to_epoch_ms(s.revocation->at));
        v.emplace_back(s.revocation->by);
    } else {
        v.emplace_back(std::monostate{});
        v.emplace_back(std::monostate{});
    }
    v.emplace_back(std::string(domain::to_text(s.protection)));
    v.emplace_back(std::string(domain::to_text(s.code_channel)));
    v.emplace_back(std::string(domain::to_text(s.locale)));
    v.emplace_back(std::string(domain::to_text(s.delivery)));
    v.push_back(nullable(s.download_limit));
    v.emplace_back(s.downloads_used);
    v.emplace_back(std::int64_t{s.notify_owner_on_open ? 1 : 0});
    v.emplace_back(s.secrets.token_hash);
    v.emplace_back(s.secrets.sealed_token);
    v.push_back(nullable(s.secrets.password_hash));
    v.push_back(nullable(s.secrets.sealed_password));
    v.emplace_back(s.secrets.password_generation);
    v.push_back(s.creator_name.empty() ? SqlValue(std::monostate{}) : SqlValue(s.creator_name));
    // A new share has not been opened; a copied one keeps its mark (the time is not kept).
    v.push_back(s.first_opening_recorded ? SqlValue(domain::to_epoch_ms(s.created_at))
                                         : SqlValue(std::monostate{}));
    return v;
}

void insert_audit(const Database& db, SqlConnection& c, const domain::AuditEntry& e) {
    c.execute(db.sql("INSERT INTO audit (organisation_id, case_id, share_id, actor, at, action, "
                     "details) VALUES (?, ?, ?, ?, {now}, ?, ?)"),
              {e.organisation_id, e.case_id, e.share_id, e.actor, e.action,
               e.details.empty() ? std::string("{}") : e.details});
}

}  // namespace es::store::sql
