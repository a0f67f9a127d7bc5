#include "host/host_adapter.hpp"

#include <dm/cpp/host_services.hpp>

#include "domain/error.hpp"
#include "host/attachment_handle.hpp"
#include "host/case_json.hpp"
#include "host/user_json.hpp"
#include "text/json_reader.hpp"

namespace es::host {

namespace {

using domain::Error;

dm::Context context_of(const domain::Actor& actor) {
    dm::Context ctx;
    ctx.organisation_id = actor.organisation_id;
    ctx.user_id = actor.user_id;
    ctx.locale = std::string(domain::to_text(actor.locale));
    return ctx;
}

dm::Context organisation_context(const std::string& organisation_id) {
    dm::Context ctx;
    ctx.organisation_id = organisation_id;
    return ctx;
}

std::uint32_t bits_of(domain::CaseParts parts) {
    return (parts.details ? DM_CASE_PART_DETAILS : 0u) |
           (parts.journal ? DM_CASE_PART_JOURNAL : 0u) |
           (parts.attachments ? DM_CASE_PART_ATTACHMENTS : 0u);
}

// The host's status as the plugin's error kind. "Not found" and "denied" both mean: not for this
// actor, and the plugin answers both alike.
[[noreturn]] void fail(const dm::Error& e, const std::string& what) {
    switch (e.status()) {
        case DM_ERR_NOT_FOUND:
        case DM_ERR_DENIED:
            throw Error(Error::Kind::NotFound, what + " not found");
        case DM_ERR_UNAVAILABLE:
            throw Error(Error::Kind::Unavailable, e.what());
        default:
            throw Error(Error::Kind::Internal, e.what());
    }
}

// The host's answers are another component's data: malformed JSON is its bug, reported as such.
template <typename F>
auto parse(const char* what, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const text::JsonError& e) {
        throw Error(Error::Kind::Internal,
                    std::string("the host answered ") + what + " with malformed JSON: " + e.what());
    }
}

dm_log_level level_of(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return DM_LOG_DEBUG;
        case LogLevel::Info:
            return DM_LOG_INFO;
        case LogLevel::Warning:
            return DM_LOG_WARNING;
        case LogLevel::Error:
            break;
    }
    return DM_LOG_ERROR;
}

}  // namespace

HostAdapter::HostAdapter(const dm_host* host)
    : services_(std::make_unique<const dm::HostServices>(host)) {}

HostAdapter::~HostAdapter() = default;

bool HostAdapter::offers_required_services() const noexcept {
    return services_->has_cases() && services_->has_directory();
}

bool HostAdapter::reads_case_in_one_call() const noexcept {
    return services_->offers_read_case();
}

bool HostAdapter::writes_journal_entries() const noexcept {
    return services_->offers_add_journal_entry();
}

std::string HostAdapter::host_abi() const {
    const dm_version v = services_->host_abi();
    return std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch);
}

domain::CaseSnapshot HostAdapter::read_case(const domain::Actor& actor, const std::string& case_id,
                                            domain::CaseParts parts) const {
    if (case_id.empty() || bits_of(parts) == 0) {
        throw Error(Error::Kind::Internal, "read case: no case or no part asked for");
    }
    std::string answer;
    try {
        answer = services_->read_case(context_of(actor), case_id, bits_of(parts));
    } catch (const dm::Error& e) {
        fail(e, "case");
    }
    return parse("read case", [&] { return case_from_json(answer, case_id, parts); });
}

bool HostAdapter::may_access(const domain::Actor& actor, const std::string& case_id) const {
    try {
        return services_->may_access(context_of(actor), case_id);
    } catch (const dm::Error& e) {
        fail(e, "case");
    }
}

std::optional<domain::HostUser> HostAdapter::user(const domain::Actor& actor,
                                                  const std::string& user_id) const {
    std::string answer;
    try {
        answer = services_->user(context_of(actor), user_id);
    } catch (const dm::Error& e) {
        if (e.status() == DM_ERR_NOT_FOUND) {
            return std::nullopt;  // removed
        }
        fail(e, "user");
    }
    return parse("user", [&] { return user_from_json(answer); });
}

std::int64_t HostAdapter::active_user_count(const std::string& organisation_id) const {
    try {
        return services_->active_user_count(organisation_context(organisation_id));
    } catch (const dm::Error& e) {
        fail(e, "organisation");
    }
}

std::vector<domain::CaseType> HostAdapter::case_types(const domain::Actor& actor) const {
    std::string answer;
    try {
        answer = services_->case_types(context_of(actor));
    } catch (const dm::Error& e) {
        fail(e, "organisation");
    }
    return parse("case types", [&] { return case_types_from_json(answer); });
}

void HostAdapter::add_journal_entry(const domain::Actor& actor, const std::string& case_id,
                                    const std::string& text, bool internal) const {
    try {
        services_->add_journal_entry(context_of(actor), case_id, text,
                                     internal ? DM_JOURNAL_INTERNAL : 0u);
    } catch (const dm::Error& e) {
        fail(e, "case");
    }
}

AttachmentStream HostAdapter::open_attachment(const std::string& organisation_id,
                                              const std::string& case_id,
                                              const std::string& attachment_id) const {
    try {
        auto handle = std::make_unique<AttachmentStream::Handle>();
        handle->stream = services_->open_attachment(organisation_context(organisation_id), case_id,
                                                    attachment_id);
        return AttachmentStream(std::move(handle));
    } catch (const dm::Error& e) {
        fail(e, "attachment");
    }
}

void HostAdapter::log(LogLevel level, const std::string& message) const noexcept {
    services_->log(level_of(level), message);
}

}  // namespace es::host
