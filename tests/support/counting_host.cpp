#include "counting_host.hpp"

#include <dm/cpp/sink.hpp>
#include <dm/cpp/versioned.hpp>

#include <cstring>
#include <stdexcept>

namespace es::test {

namespace {

template <typename Ext>
void find(const dm_host* inner, const char* id, std::size_t v1_0_size, Ext& out) {
    if (!dm::read_versioned(static_cast<const Ext*>(inner->get_extension(inner, id)), v1_0_size,
                            out)) {
        throw std::runtime_error(std::string("the host behind does not offer ") + id);
    }
}

dm_status unavailable(const dm_sink* error) {
    dm::write(error, "the host cannot read cases right now (test)");
    return DM_ERR_UNAVAILABLE;
}

}  // namespace

CountingHost::CountingHost(const dm_host* inner, Abi abi) : inner_(inner) {
    find(inner, DM_EXT_CASES, DM_HOST_CASES_V1_0_SIZE, inner_cases_);
    find(inner, DM_EXT_DIRECTORY, DM_HOST_DIRECTORY_V1_0_SIZE, inner_directory_);
    find(inner, DM_EXT_LOG, DM_HOST_LOG_V1_0_SIZE, inner_log_);

    cases_.struct_size = abi == Abi::v1_1 ? static_cast<std::uint32_t>(sizeof(dm_host_cases))
                                          : static_cast<std::uint32_t>(DM_HOST_CASES_V1_0_SIZE);
    cases_.case_details = &CountingHost::case_details;
    cases_.journal_entries = &CountingHost::journal_entries;
    cases_.attachments = &CountingHost::attachments;
    cases_.case_types = &CountingHost::case_types;
    cases_.open_attachment = &CountingHost::open_attachment;
    cases_.attachment_size = &CountingHost::attachment_size;
    cases_.read_attachment = &CountingHost::read_attachment;
    cases_.attachment_fd = &CountingHost::attachment_fd;
    cases_.close_attachment = &CountingHost::close_attachment;
    if (abi == Abi::v1_1) {
        if (inner_cases_.read_case == nullptr || inner_cases_.add_journal_entry == nullptr) {
            throw std::runtime_error("a 1.1 counting host needs a 1.1 host behind it");
        }
        cases_.read_case = &CountingHost::read_case;
        cases_.add_journal_entry = &CountingHost::add_journal_entry;
    }
    directory_.struct_size = sizeof(dm_host_directory);
    directory_.user = &CountingHost::user;
    directory_.active_user_count = &CountingHost::active_user_count;
    directory_.may_access = &CountingHost::may_access;
    log_.struct_size = sizeof(dm_host_log);
    log_.log = &CountingHost::log;

    host_.abi_version = abi == Abi::v1_1 ? dm_version{1, 1, 0} : dm_version{1, 0, 0};
    host_.struct_size = sizeof(dm_host);
    host_.host_data = this;
    host_.name = "Counting host";
    host_.vendor = "Tests";
    host_.version = abi == Abi::v1_1 ? "1.1.0" : "1.0.0";
    host_.get_extension = &CountingHost::get_extension;
}

CountingHost& CountingHost::self(const dm_host* host) {
    return *static_cast<CountingHost*>(host->host_data);
}

const void* CountingHost::get_extension(const dm_host* host, const char* id) {
    if (id == nullptr) {
        return nullptr;
    }
    if (std::strcmp(id, DM_EXT_CASES) == 0) {
        return &self(host).cases_;
    }
    if (std::strcmp(id, DM_EXT_DIRECTORY) == 0) {
        return &self(host).directory_;
    }
    if (std::strcmp(id, DM_EXT_LOG) == 0) {
        return &self(host).log_;
    }
    return nullptr;
}

void CountingHost::count(const char* function) {
    std::lock_guard lock(mutex_);
    ++calls_[function];
}

bool CountingHost::failing() const {
    std::lock_guard lock(mutex_);
    return fail_case_reads_;
}

int CountingHost::calls(const std::string& function) const {
    std::lock_guard lock(mutex_);
    const auto it = calls_.find(function);
    return it == calls_.end() ? 0 : it->second;
}

int CountingHost::reads() const {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& [function, count] : calls_) {
        n += function == "add_journal_entry" ? 0 : count;
    }
    return n;
}

std::string CountingHost::summary() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& [function, count] : calls_) {
        out += (out.empty() ? "" : " ") + function + "=" + std::to_string(count);
    }
    return out.empty() ? "no calls" : out;
}

void CountingHost::reset() {
    std::lock_guard lock(mutex_);
    calls_.clear();
}

std::vector<std::string> CountingHost::journal_texts() const {
    std::lock_guard lock(mutex_);
    return journal_texts_;
}

std::vector<std::uint32_t> CountingHost::journal_flags() const {
    std::lock_guard lock(mutex_);
    return journal_flags_;
}

std::vector<std::string> CountingHost::log_lines() const {
    std::lock_guard lock(mutex_);
    return log_lines_;
}

void CountingHost::fail_case_reads(bool fail) {
    std::lock_guard lock(mutex_);
    fail_case_reads_ = fail;
}

dm_status CountingHost::case_details(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                     const dm_sink* result, const dm_sink* error) {
    auto& s = self(h);
    s.count("case_details");
    if (s.failing()) {
        return unavailable(error);
    }
    return s.inner_cases_.case_details(s.inner_, ctx, case_id, result, error);
}

dm_status CountingHost::journal_entries(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                        const dm_sink* result, const dm_sink* error) {
    auto& s = self(h);
    s.count("journal_entries");
    if (s.failing()) {
        return unavailable(error);
    }
    return s.inner_cases_.journal_entries(s.inner_, ctx, case_id, result, error);
}

dm_status CountingHost::attachments(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                    const dm_sink* result, const dm_sink* error) {
    auto& s = self(h);
    s.count("attachments");
    if (s.failing()) {
        return unavailable(error);
    }
    return s.inner_cases_.attachments(s.inner_, ctx, case_id, result, error);
}

dm_status CountingHost::case_types(const dm_host* h, const dm_context* ctx, const dm_sink* result,
                                   const dm_sink* error) {
    auto& s = self(h);
    s.count("case_types");
    return s.inner_cases_.case_types(s.inner_, ctx, result, error);
}

dm_status CountingHost::open_attachment(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                        dm_str attachment_id, dm_attachment_stream** stream,
                                        const dm_sink* error) {
    auto& s = self(h);
    s.count("open_attachment");
    return s.inner_cases_.open_attachment(s.inner_, ctx, case_id, attachment_id, stream, error);
}

// Reading an open stream is not a service call of its own: it is the download itself.
int64_t CountingHost::attachment_size(const dm_host* h, dm_attachment_stream* stream) {
    return self(h).inner_cases_.attachment_size(self(h).inner_, stream);
}

int64_t CountingHost::read_attachment(const dm_host* h, dm_attachment_stream* stream,
                                      uint64_t offset, void* buffer, uint64_t capacity) {
    return self(h).inner_cases_.read_attachment(self(h).inner_, stream, offset, buffer, capacity);
}

int CountingHost::attachment_fd(const dm_host* h, dm_attachment_stream* stream) {
    auto& s = self(h);
    return s.inner_cases_.attachment_fd != nullptr ? s.inner_cases_.attachment_fd(s.inner_, stream)
                                                   : -1;
}

void CountingHost::close_attachment(const dm_host* h, dm_attachment_stream* stream) {
    self(h).inner_cases_.close_attachment(self(h).inner_, stream);
}

dm_status CountingHost::read_case(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                  uint32_t parts, const dm_sink* result, const dm_sink* error) {
    auto& s = self(h);
    s.count("read_case");
    if (s.failing()) {
        return unavailable(error);
    }
    return s.inner_cases_.read_case(s.inner_, ctx, case_id, parts, result, error);
}

dm_status CountingHost::add_journal_entry(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                          dm_str text, uint32_t flags, const dm_sink* result,
                                          const dm_sink* error) {
    auto& s = self(h);
    s.count("add_journal_entry");
    const dm_status status =
        s.inner_cases_.add_journal_entry(s.inner_, ctx, case_id, text, flags, result, error);
    if (status == DM_OK) {
        std::lock_guard lock(s.mutex_);
        s.journal_texts_.emplace_back(dm::to_view(text));
        s.journal_flags_.push_back(flags);
    }
    return status;
}

dm_status CountingHost::user(const dm_host* h, const dm_context* ctx, dm_str user_id,
                             const dm_sink* result, const dm_sink* error) {
    auto& s = self(h);
    s.count("user");
    return s.inner_directory_.user(s.inner_, ctx, user_id, result, error);
}

dm_status CountingHost::active_user_count(const dm_host* h, const dm_context* ctx, int64_t* count,
                                          const dm_sink* error) {
    auto& s = self(h);
    s.count("active_user_count");
    return s.inner_directory_.active_user_count(s.inner_, ctx, count, error);
}

dm_status CountingHost::may_access(const dm_host* h, const dm_context* ctx, dm_str case_id,
                                   const dm_sink* error) {
    auto& s = self(h);
    s.count("may_access");
    if (s.failing()) {
        return unavailable(error);
    }
    return s.inner_directory_.may_access(s.inner_, ctx, case_id, error);
}

void CountingHost::log(const dm_host* h, dm_log_level level, dm_str message) {
    auto& s = self(h);
    {
        std::lock_guard lock(s.mutex_);
        s.log_lines_.emplace_back(dm::to_view(message));
    }
    s.inner_log_.log(s.inner_, level, message);
}

}  // namespace es::test
