#include "store/case_repository.hpp"

#include <map>

#include "store/sql_query.hpp"

namespace host {

namespace {

const char* kCaseSelect =
    "SELECT c.id, c.organisation_id, c.number, c.title, c.status, t.id, t.name_de, t.name_en, "
    "c.owner_user_id, u.display_name, c.correspondent_name, c.correspondent_email, "
    "c.correspondent_phone, c.subject, c.reference, c.received_date, c.created_at, c.updated_at "
    "FROM cases c JOIN case_types t ON t.id = c.case_type_id JOIN users u ON u.id = "
    "c.owner_user_id ";

CaseRecord case_at(const SqlRows& rows, std::size_t r) {
    CaseRecord c;
    c.id = rows.integer(r, 0);
    c.organisation_id = rows.integer(r, 1);
    c.number = rows.text(r, 2);
    c.title = rows.text(r, 3);
    c.status = rows.text(r, 4);
    c.case_type.id = rows.integer(r, 5);
    c.case_type.name_de = rows.text(r, 6);
    c.case_type.name_en = rows.text(r, 7);
    c.owner_user_id = rows.integer(r, 8);
    c.owner_name = rows.text(r, 9);
    c.correspondent_name = rows.text(r, 10);
    c.correspondent_email = rows.text(r, 11);
    c.correspondent_phone = rows.text(r, 12);
    c.subject = rows.text(r, 13);
    c.reference = rows.text(r, 14);
    c.received_date = rows.text(r, 15);
    c.created_at = rows.text(r, 16);
    c.updated_at = rows.text(r, 17);
    return c;
}

std::string order_column(const CaseQuery& q) {
    static const std::map<std::string, std::string> columns = {
        {"number", "c.number"},
        {"title", "c.title COLLATE NOCASE"},
        {"status", "c.status"},
        {"owner", "u.display_name COLLATE NOCASE"},
        {"correspondent", "c.correspondent_name COLLATE NOCASE"},
        {"received_date", "c.received_date"},
        {"updated_at", "c.updated_at"},
    };
    if (q.sort == "case_type") {
        return q.locale.rfind("de", 0) == 0 ? "t.name_de" : "t.name_en";
    }
    auto it = columns.find(q.sort);
    return it == columns.end() ? "c.number" : it->second;
}

std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out + "%";
}

Attachment attachment_at(const SqlRows& rows, std::size_t r) {
    Attachment a;
    a.id = rows.integer(r, 0);
    a.case_id = rows.integer(r, 1);
    a.name = rows.text(r, 2);
    a.media_type = rows.text(r, 3);
    a.size = rows.integer(r, 4);
    a.sha256 = rows.text(r, 5);
    a.modified = rows.text(r, 6);
    a.storage_path = rows.text(r, 7);
    return a;
}

const char* kAttachmentSelect =
    "SELECT a.id, a.case_id, a.name, a.media_type, a.size, a.sha256, a.modified, a.storage_path "
    "FROM attachments a JOIN cases c ON c.id = a.case_id ";

// An entry a plugin made for the organisation has no author user; its author_name names the
// plugin instead (schema version 3).
const char* kJournalSelect =
    "SELECT j.id, j.entry_date, COALESCE(u.display_name, j.author_name), j.text, j.internal FROM "
    "journal_entries j JOIN cases c ON c.id = j.case_id LEFT JOIN users u ON u.id = "
    "j.author_user_id ";

JournalEntry journal_entry_at(const SqlRows& rows, std::size_t r) {
    return JournalEntry{rows.integer(r, 0), rows.text(r, 1), rows.text(r, 2), rows.text(r, 3),
                        rows.integer(r, 4) != 0};
}

std::optional<CaseRecord> find_case(Poco::Data::Session& s, std::int64_t organisation_id,
                                    std::int64_t case_id) {
    SqlRows rows(s, std::string(kCaseSelect) + "WHERE c.id = ? AND c.organisation_id = ?",
                 {case_id, organisation_id});
    if (rows.empty())
        return std::nullopt;
    return case_at(rows, 0);
}

std::vector<JournalEntry> journal_of(Poco::Data::Session& s, std::int64_t organisation_id,
                                     std::int64_t case_id) {
    SqlRows rows(s,
                 std::string(kJournalSelect) +
                     "WHERE j.case_id = ? AND c.organisation_id = ? ORDER BY j.entry_date, j.id",
                 {case_id, organisation_id});
    return rows.all(journal_entry_at);
}

std::vector<Attachment> attachments_of(Poco::Data::Session& s, std::int64_t organisation_id,
                                       std::int64_t case_id) {
    SqlRows rows(s,
                 std::string(kAttachmentSelect) +
                     "WHERE a.case_id = ? AND c.organisation_id = ? ORDER BY a.name, a.id",
                 {case_id, organisation_id});
    return rows.all(attachment_at);
}

}  // namespace

bool CaseQuery::is_sort_key(const std::string& key) {
    return key == "number" || key == "title" || key == "status" || key == "case_type" ||
           key == "owner" || key == "correspondent" || key == "received_date" ||
           key == "updated_at";
}

CasePage CaseRepository::list(const CaseQuery& q) {
    std::string where = "WHERE c.organisation_id = ? ";
    std::vector<SqlParam> params{q.organisation_id};
    if (!q.status.empty()) {
        where += "AND c.status = ? ";
        params.emplace_back(q.status);
    }
    if (q.case_type_id != 0) {
        where += "AND c.case_type_id = ? ";
        params.emplace_back(q.case_type_id);
    }
    if (!q.text.empty()) {
        where +=
            "AND (c.number LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' OR "
            "c.correspondent_name LIKE ? ESCAPE '\\') ";
        auto p = like_pattern(q.text);
        params.insert(params.end(), {p, p, p});
    }
    auto s = db_.session();
    CasePage page;
    page.total = SqlRows(s, "SELECT COUNT(*) FROM cases c " + where, params).integer(0, 0);

    // Two steps: the page's ids from the cases table alone (an index walk for most sort keys),
    // then the rows of just those ids with their joins.
    std::string joins;
    if (q.sort == "case_type")
        joins = "JOIN case_types t ON t.id = c.case_type_id ";
    if (q.sort == "owner")
        joins = "JOIN users u ON u.id = c.owner_user_id ";
    const char* dir = q.descending ? " DESC" : " ASC";
    std::vector<SqlParam> page_params = params;
    page_params.emplace_back(std::int64_t{q.page_size});
    page_params.emplace_back(std::int64_t{(q.page - 1)} * q.page_size);
    SqlRows ids(s,
                "SELECT c.id FROM cases c " + joins + where + "ORDER BY " + order_column(q) + dir +
                    ", c.id" + dir + " LIMIT ? OFFSET ?",
                page_params);
    if (ids.empty())
        return page;
    std::string in = "(";
    std::vector<SqlParam> id_params;
    std::map<std::int64_t, std::size_t> position;
    for (std::size_t r = 0; r < ids.size(); ++r) {
        in += r ? ",?" : "?";
        id_params.emplace_back(ids.integer(r, 0));
        position[ids.integer(r, 0)] = r;
    }
    in += ")";
    SqlRows rows(s, std::string(kCaseSelect) + "WHERE c.id IN " + in, id_params);
    page.cases.resize(ids.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto c = case_at(rows, r);
        page.cases[position[c.id]] = std::move(c);
    }
    // A case deleted between the two statements leaves a gap; drop it.
    std::erase_if(page.cases, [](const CaseRecord& c) { return c.id == 0; });
    return page;
}

std::optional<CaseRecord> CaseRepository::find(std::int64_t organisation_id, std::int64_t case_id) {
    auto s = db_.session();
    return find_case(s, organisation_id, case_id);
}

std::vector<JournalEntry> CaseRepository::journal(std::int64_t organisation_id,
                                                  std::int64_t case_id) {
    auto s = db_.session();
    return journal_of(s, organisation_id, case_id);
}

std::vector<Attachment> CaseRepository::attachments(std::int64_t organisation_id,
                                                    std::int64_t case_id) {
    auto s = db_.session();
    return attachments_of(s, organisation_id, case_id);
}

std::optional<CaseFile> CaseRepository::read(std::int64_t organisation_id, std::int64_t case_id,
                                             bool with_journal, bool with_attachments) {
    auto s = db_.session();
    // A deferred transaction: in WAL mode its first SELECT fixes the snapshot the others read.
    s.begin();
    try {
        std::optional<CaseFile> out;
        if (auto record = find_case(s, organisation_id, case_id)) {
            out.emplace();
            out->record = std::move(*record);
            if (with_journal)
                out->journal = journal_of(s, organisation_id, case_id);
            if (with_attachments)
                out->attachments = attachments_of(s, organisation_id, case_id);
        }
        s.commit();
        return out;
    } catch (...) {
        s.rollback();
        throw;
    }
}

std::optional<JournalEntry> CaseRepository::add_journal_entry(
    std::int64_t organisation_id, std::int64_t case_id, std::int64_t author_user_id,
    const std::string& author_name, const std::string& text, bool internal) {
    auto s = db_.session();
    s.begin();
    try {
        // The INSERT ... SELECT confines the entry to a case of the organisation in one statement.
        std::vector<SqlParam> params{std::string(author_name), std::string(text),
                                     std::int64_t{internal ? 1 : 0}, case_id, organisation_id};
        std::string author = "NULL";
        if (author_user_id != 0) {
            author = "?";
            params.insert(params.begin(), author_user_id);
        }
        std::size_t added = sql_execute(
            s,
            "INSERT INTO journal_entries (entry_date, author_user_id, author_name, text, "
            "internal, case_id) SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now'), " +
                author +
                ", ?, ?, ?, c.id FROM cases c WHERE c.id = ? AND "
                "c.organisation_id = ?",
            params);
        std::optional<JournalEntry> out;
        if (added == 1) {
            SqlRows rows(s, std::string(kJournalSelect) + "WHERE j.id = last_insert_rowid()", {});
            out = journal_entry_at(rows, 0);
        }
        s.commit();
        return out;
    } catch (...) {
        s.rollback();
        throw;
    }
}

std::optional<Attachment> CaseRepository::attachment(std::int64_t organisation_id,
                                                     std::int64_t case_id,
                                                     std::int64_t attachment_id) {
    auto s = db_.session();
    SqlRows rows(s,
                 std::string(kAttachmentSelect) +
                     "WHERE a.id = ? AND a.case_id = ? AND c.organisation_id = ?",
                 {attachment_id, case_id, organisation_id});
    if (rows.empty())
        return std::nullopt;
    return attachment_at(rows, 0);
}

std::vector<CaseType> CaseRepository::case_types(std::int64_t organisation_id) {
    auto s = db_.session();
    SqlRows rows(
        s, "SELECT id, name_de, name_en FROM case_types WHERE organisation_id = ? ORDER BY id",
        {organisation_id});
    return rows.all([](const SqlRows& rows, std::size_t r) {
        return CaseType{rows.integer(r, 0), rows.text(r, 1), rows.text(r, 2)};
    });
}

bool CaseRepository::close(std::int64_t organisation_id, std::int64_t case_id) {
    auto s = db_.session();
    return sql_execute(s,
                       "UPDATE cases SET status = 'closed', updated_at = "
                       "strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                       "WHERE id = ? AND organisation_id = ? AND status = 'open'",
                       {case_id, organisation_id}) == 1;
}

std::optional<Attachment> CaseRepository::add_attachment(std::int64_t organisation_id,
                                                         std::int64_t case_id,
                                                         const Attachment& a) {
    auto s = db_.session();
    s.begin();
    try {
        // The INSERT ... SELECT confines the row to a case of the organisation in one statement.
        std::size_t added = sql_execute(
            s,
            "INSERT INTO attachments (case_id, name, media_type, size, sha256, modified, "
            "storage_path) SELECT c.id, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ? "
            "FROM cases c WHERE c.id = ? AND c.organisation_id = ?",
            {a.name, a.media_type, a.size, a.sha256, a.storage_path, case_id, organisation_id});
        std::optional<Attachment> out;
        if (added == 1) {
            SqlRows rows(s, std::string(kAttachmentSelect) + "WHERE a.id = last_insert_rowid()",
                         {});
            out = attachment_at(rows, 0);
        }
        s.commit();
        return out;
    } catch (...) {
        s.rollback();
        throw;
    }
}

std::optional<Attachment> CaseRepository::remove_attachment(std::int64_t organisation_id,
                                                            std::int64_t case_id,
                                                            std::int64_t attachment_id) {
    auto found = attachment(organisation_id, case_id, attachment_id);
    if (!found)
        return std::nullopt;
    auto s = db_.session();
    if (sql_execute(s, "DELETE FROM attachments WHERE id = ? AND case_id = ?",
                    {attachment_id, case_id}) != 1) {
        return std::nullopt;  // deleted concurrently
    }
    return found;
}

}  // namespace host
