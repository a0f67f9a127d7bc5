#include "fake_host.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <sstream>

namespace es::portal::test {
namespace {

struct Stream {
    int fd = -1;
    int64_t size = 0;
    bool offer_fd = true;
};

std::string str(dm_str s) {
    return std::string(dm::to_view(s));
}

template <typename T>
std::string json(const T& value) {
    std::ostringstream out;
    value.stringify(out);
    return out.str();
}

dm_status unavailable(const dm_sink* error) {
    dm::write(error, "the host's database is down");
    return DM_ERR_UNAVAILABLE;
}

dm_status no_such_case(const dm_sink* error) {
    dm::write(error, "no such case");
    return DM_ERR_NOT_FOUND;
}

}  // namespace

FakeHost::FakeHost() {
    cases_.struct_size = sizeof(dm_host_cases);
    cases_.case_details = &FakeHost::case_details;
    cases_.journal_entries = &FakeHost::journal_entries;
    cases_.attachments = &FakeHost::attachments;
    cases_.case_types = &FakeHost::case_types;
    cases_.open_attachment = &FakeHost::open_attachment;
    cases_.attachment_size = &FakeHost::attachment_size;
    cases_.read_attachment = &FakeHost::read_attachment;
    cases_.attachment_fd = &FakeHost::attachment_fd;
    cases_.close_attachment = &FakeHost::close_attachment;
    cases_.read_case = &FakeHost::read_case;
    cases_.add_journal_entry = &FakeHost::add_journal_entry;
    directory_.struct_size = sizeof(dm_host_directory);
    directory_.user = &FakeHost::user;
    directory_.active_user_count = &FakeHost::active_user_count;
    directory_.may_access = &FakeHost::may_access;
    log_.struct_size = sizeof(dm_host_log);
    log_.log = &FakeHost::log;
    host_.abi_version = dm_version{1, 1, 0};
    host_.struct_size = sizeof(dm_host);
    host_.host_data = this;
    host_.name = "Fake host";
    host_.vendor = "Tests";
    host_.version = "1";
    host_.get_extension = &FakeHost::get_extension;
}

const void* FakeHost::get_extension(const dm_host* host, const char* id) {
    if (std::strcmp(id, DM_EXT_CASES) == 0) {
        return &self(host).cases_;
    }
    if (std::strcmp(id, DM_EXT_LOG) == 0) {
        return &self(host).log_;
    }
    if (std::strcmp(id, DM_EXT_DIRECTORY) == 0) {
        return &self(host).directory_;
    }
    return nullptr;
}

void FakeHost::put_user(const std::string& user_id, FakeUser user) {
    std::lock_guard lock(mutex_);
    users_by_id_[user_id] = std::move(user);
}

void FakeHost::remove_user(const std::string& user_id) {
    std::lock_guard lock(mutex_);
    users_by_id_.erase(user_id);
}

dm_status FakeHost::user(const dm_host* host, const dm_context* ctx, dm_str user_id,
                         const dm_sink* result, const dm_sink* error) {
    FakeUser u;
    {
        auto& h = self(host);
        std::lock_guard lock(h.mutex_);
        auto it = h.users_by_id_.find(str(user_id));
        if (it == h.users_by_id_.end() || it->second.organisation_id != str(ctx->organisation_id)) {
            dm::write(error, "no such user");
            return DM_ERR_NOT_FOUND;
        }
        u = it->second;
    }
    Poco::JSON::Object o;
    o.set("id", str(user_id));
    o.set("display_name", u.display_name);
    o.set("email", u.email);
    o.set("active", u.active);
    Poco::JSON::Array roles;
    roles.add("caseworker");
    o.set("roles", roles);
    dm::write(result, json(o));
    return DM_OK;
}

dm_status FakeHost::active_user_count(const dm_host* host, const dm_context* ctx, int64_t* count,
                                      const dm_sink*) {
    auto& h = self(host);
    std::lock_guard lock(h.mutex_);
    *count = 0;
    for (const auto& [id, u] : h.users_by_id_) {
        *count += u.organisation_id == str(ctx->organisation_id) && u.active ? 1 : 0;
    }
    return DM_OK;
}

dm_status FakeHost::may_access(const dm_host* host, const dm_context* ctx, dm_str case_id,
                               const dm_sink* error) {
    if (self(host).failing_) {
        return unavailable(error);
    }
    FakeCase c;
    if (!self(host).find_case(ctx, case_id, c)) {
        return no_such_case(error);
    }
    return DM_OK;
}

void FakeHost::put_case(const std::string& case_id, FakeCase c) {
    std::lock_guard lock(mutex_);
    cases_by_id_[case_id] = std::move(c);
    rendered_.clear();
    ++generation_;
}

void FakeHost::remove_attachment(const std::string& case_id, const std::string& attachment_id) {
    std::lock_guard lock(mutex_);
    auto& list = cases_by_id_[case_id].attachments;
    std::erase_if(list, [&](const FakeAttachment& a) { return a.id == attachment_id; });
    rendered_.clear();
    ++generation_;
}

bool FakeHost::rendered(const std::string& key, const dm_sink* result) const {
    std::lock_guard lock(mutex_);
    const auto it = rendered_.find(key);
    if (it == rendered_.end()) {
        return false;
    }
    dm::write(result, it->second);
    return true;
}

void FakeHost::keep_rendered(const std::string& key, std::uint64_t generation,
                             const std::string& text) {
    std::lock_guard lock(mutex_);
    if (generation == generation_) {  // no change since the case was read
        rendered_[key] = text;
    }
}

std::vector<std::string> FakeHost::log_lines() const {
    std::lock_guard lock(mutex_);
    return log_lines_;
}

std::vector<std::string> FakeHost::journal_texts() const {
    std::lock_guard lock(mutex_);
    return journal_texts_;
}

bool FakeHost::find_case(const dm_context* ctx, dm_str case_id, FakeCase& out) const {
    std::lock_guard lock(mutex_);
    auto it = cases_by_id_.find(str(case_id));
    if (it == cases_by_id_.end() || it->second.organisation_id != str(ctx->organisation_id)) {
        return false;
    }
    out = it->second;
    return true;
}

template <class Render>
dm_status FakeHost::read_part(const char* part, const dm_context* ctx, dm_str case_id,
                              const dm_sink* result, const dm_sink* error, Render render) {
    if (failing_) {
        return unavailable(error);
    }
    const std::string key = part + ("\n" + str(ctx->organisation_id)) + "\n" + str(case_id);
    if (rendered(key, result)) {
        return DM_OK;
    }
    const std::uint64_t generation = this->generation();
    FakeCase c;
    if (!find_case(ctx, case_id, c)) {
        return no_such_case(error);
    }
    const std::string text = render(c);
    keep_rendered(key, generation, text);
    dm::write(result, text);
    return DM_OK;
}

dm_status FakeHost::case_details(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                 const dm_sink* result, const dm_sink* error) {
    return self(host).read_part("details", ctx, case_id, result, error, [&](const FakeCase& c) {
        Poco::JSON::Object o;
        o.set("id", str(case_id));
        o.set("number", c.number);
        o.set("title", c.title);
        o.set("status", "open");
        Poco::JSON::Object type;
        type.set("id", c.case_type);
        type.set("name", "Default");
        o.set("case_type", type);
        Poco::JSON::Array fields;
        for (const auto& [id, lv] : c.fields) {
            Poco::JSON::Object f;
            f.set("id", id);
            f.set("label", lv.first);
            f.set("value", lv.second);
            fields.add(f);
        }
        o.set("fields", fields);
        return json(o);
    });
}

dm_status FakeHost::journal_entries(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                    const dm_sink* result, const dm_sink* error) {
    return self(host).read_part("journal", ctx, case_id, result, error, [](const FakeCase& c) {
        Poco::JSON::Array a;
        for (const auto& [id, text] : c.journal) {
            Poco::JSON::Object e;
            e.set("id", id);
            e.set("date", "2026-01-05T10:00:00Z");
            e.set("author", "Anna Muster");
            e.set("text", text);
            e.set("internal", false);
            a.add(e);
        }
        return json(a);
    });
}

dm_status FakeHost::attachments(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                const dm_sink* result, const dm_sink* error) {
    auto& h = self(host);
    if (h.failing_) {
        return unavailable(error);
    }
    const std::uint64_t generation = h.generation();
    FakeCase c;
    if (!h.find_case(ctx, case_id, c)) {
        return no_such_case(error);
    }
    // The list carries the files' current sizes, so the kept answer is only reused for the same
    // sizes and modification times.
    std::string key = "attachments\n" + str(ctx->organisation_id) + "\n" + str(case_id);
    std::vector<struct stat> stats(c.attachments.size());
    for (std::size_t i = 0; i < c.attachments.size(); ++i) {
        ::stat(c.attachments[i].path.c_str(), &stats[i]);
        key += "\n" + std::to_string(stats[i].st_size) + "@" +
               std::to_string(stats[i].st_mtim.tv_sec) + "." +
               std::to_string(stats[i].st_mtim.tv_nsec);
    }
    if (h.rendered(key, result)) {
        return DM_OK;
    }
    Poco::JSON::Array a;
    for (std::size_t i = 0; i < c.attachments.size(); ++i) {
        const auto& att = c.attachments[i];
        const struct stat& st = stats[i];
        Poco::JSON::Object o;
        o.set("id", att.id);
        o.set("name", att.name);
        o.set("size", static_cast<Poco::Int64>(st.st_size));
        o.set("media_type", att.media_type);
        o.set("modified", att.modified);
        o.set("sha256", att.sha256);
        a.add(o);
    }
    const std::string text = json(a);
    h.keep_rendered(key, generation, text);
    dm::write(result, text);
    return DM_OK;
}

// dm.cases 1.1: the 1.0 answers, composed (cases.h).
dm_status FakeHost::read_case(const dm_host* host, const dm_context* ctx, dm_str case_id,
                              uint32_t parts, const dm_sink* result, const dm_sink* error) {
    parts &= DM_CASE_PARTS_V1_1;
    if (parts == 0) {
        dm::write(error, "no known part asked for");
        return DM_ERR_INVALID_ARGUMENT;
    }
    std::string out;
    const struct {
        std::uint32_t bit;
        const char* name;
        dm_status (*fn)(const dm_host*, const dm_context*, dm_str, const dm_sink*, const dm_sink*);
    } kParts[] = {{DM_CASE_PART_DETAILS, "details", &FakeHost::case_details},
                  {DM_CASE_PART_JOURNAL, "journal", &FakeHost::journal_entries},
                  {DM_CASE_PART_ATTACHMENTS, "attachments", &FakeHost::attachments}};
    for (const auto& p : kParts) {
        if ((parts & p.bit) == 0) {
            continue;
        }
        dm::StringSink part;
        const dm_status s = p.fn(host, ctx, case_id, part.get(), error);
        if (s != DM_OK) {
            return s;
        }
        out += (out.empty() ? "{\"" : ",\"") + std::string(p.name) + "\":" + part.str();
    }
    dm::write(result, out + "}");
    return DM_OK;
}

dm_status FakeHost::add_journal_entry(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                      dm_str text, uint32_t, const dm_sink* result,
                                      const dm_sink* error) {
    FakeCase c;
    if (!self(host).find_case(ctx, case_id, c)) {
        return no_such_case(error);
    }
    {
        std::lock_guard lock(self(host).mutex_);
        self(host).journal_texts_.emplace_back(dm::to_view(text));
    }
    Poco::JSON::Object e;
    e.set("id", "j-added");
    e.set("date", "2026-01-06T10:00:00Z");
    e.set("author", "External Sharing");
    e.set("text", str(text));
    e.set("internal", false);
    dm::write(result, json(e));
    return DM_OK;
}

dm_status FakeHost::case_types(const dm_host*, const dm_context*, const dm_sink* result,
                               const dm_sink*) {
    dm::write(result, R"([{"id":"default","name":"Default"}])");
    return DM_OK;
}

dm_status FakeHost::open_attachment(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                    dm_str attachment_id, dm_attachment_stream** stream,
                                    const dm_sink* error) {
    FakeCase c;
    if (!self(host).find_case(ctx, case_id, c)) {
        return no_such_case(error);
    }
    for (const auto& att : c.attachments) {
        if (att.id == str(attachment_id)) {
            const int fd = ::open(att.path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                dm::write(error, "cannot open");
                return DM_ERR_INTERNAL;
            }
            struct stat st {};
            ::fstat(fd, &st);
            auto* s = new Stream{fd, static_cast<int64_t>(st.st_size), self(host).offer_fd_};
            ++self(host).open_streams_;
            *stream = reinterpret_cast<dm_attachment_stream*>(s);
            return DM_OK;
        }
    }
    dm::write(error, "no such attachment");
    return DM_ERR_NOT_FOUND;
}

int64_t FakeHost::attachment_size(const dm_host*, dm_attachment_stream* stream) {
    return reinterpret_cast<Stream*>(stream)->size;
}

int64_t FakeHost::read_attachment(const dm_host*, dm_attachment_stream* stream, uint64_t offset,
                                  void* buffer, uint64_t capacity) {
    auto* s = reinterpret_cast<Stream*>(stream);
    return ::pread(s->fd, buffer, capacity, static_cast<off_t>(offset));
}

int FakeHost::attachment_fd(const dm_host*, dm_attachment_stream* stream) {
    auto* s = reinterpret_cast<Stream*>(stream);
    return s->offer_fd ? s->fd : -1;
}

void FakeHost::close_attachment(const dm_host* host, dm_attachment_stream* stream) {
    auto* s = reinterpret_cast<Stream*>(stream);
    ::close(s->fd);
    delete s;
    --self(host).open_streams_;
}

void FakeHost::log(const dm_host* host, dm_log_level, dm_str message) {
    std::lock_guard lock(self(host).mutex_);
    self(host).log_lines_.push_back(str(message));
}

}  // namespace es::portal::test
