#include "counting_host.hpp"

#include <dm/cpp/sink.hpp>
#include <dm/cpp/versioned.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <type_traits>

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

// The name a call is counted under, as a template argument: each function of a table passed on
// is an instance of one template.
template <std::size_t N>
struct CallName {
    constexpr CallName(const char (&name)[N]) { std::copy_n(name, N, text); }
    char text[N];
};

// Which calls fail_case_reads refuses: the reads of a case, not the listing of case types, the
// directory's users nor a write.
enum class Refusal { Never, WhileFailing };

template <typename Slot>
struct TableOf;
template <typename Table, typename Function>
struct TableOf<Function Table::*> {
    using type = Table;
};

template <typename Last>
const dm_sink* last_of(Last last) {
    return last;
}
template <typename First, typename... Rest>
const dm_sink* last_of(First, Rest... rest) {
    return last_of(rest...);
}

}  // namespace

struct CountingHost::Services {
    template <typename Table>
    static const Table& inner(const CountingHost& s) {
        if constexpr (std::is_same_v<Table, dm_host_cases>) {
            return s.inner_cases_;
        } else {
            return s.inner_directory_;
        }
    }

    // A call passed on unchanged to the same function (`Slot`) of the host behind, counted
    // under `name`; while case reads fail, one that `refusal` names is answered
    // DM_ERR_UNAVAILABLE instead (its last argument is the error sink).
    template <auto Slot, CallName name, Refusal refusal, typename Result, typename... Args>
    static Result pass(const dm_host* h, Args... args) {
        auto& s = self(h);
        s.count(name.text);
        if constexpr (refusal == Refusal::WhileFailing) {
            if (s.failing()) {
                return unavailable(last_of(args...));
            }
        }
        const auto& table = inner<typename TableOf<decltype(Slot)>::type>(s);
        return (table.*Slot)(s.inner_, args...);
    }

    // Reading an open stream is not a service call of its own: it is the download itself.
    template <auto Slot, typename Result, typename... Args>
    static Result pass_uncounted(const dm_host* h, Args... args) {
        auto& s = self(h);
        return (s.inner_cases_.*Slot)(s.inner_, args...);
    }

    static int attachment_fd(const dm_host* h, dm_attachment_stream* stream) {
        auto& s = self(h);
        return s.inner_cases_.attachment_fd != nullptr
                   ? s.inner_cases_.attachment_fd(s.inner_, stream)
                   : -1;
    }

    static dm_status add_journal_entry(const dm_host* h, const dm_context* ctx, dm_str case_id,
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

    static void log(const dm_host* h, dm_log_level level, dm_str message) {
        auto& s = self(h);
        {
            std::lock_guard lock(s.mutex_);
            s.log_lines_.emplace_back(dm::to_view(message));
        }
        s.inner_log_.log(s.inner_, level, message);
    }
};

CountingHost::CountingHost(const dm_host* inner, Abi abi) : inner_(inner) {
    find(inner, DM_EXT_CASES, DM_HOST_CASES_V1_0_SIZE, inner_cases_);
    find(inner, DM_EXT_DIRECTORY, DM_HOST_DIRECTORY_V1_0_SIZE, inner_directory_);
    find(inner, DM_EXT_LOG, DM_HOST_LOG_V1_0_SIZE, inner_log_);

    cases_.struct_size = abi == Abi::v1_1 ? static_cast<std::uint32_t>(sizeof(dm_host_cases))
                                          : static_cast<std::uint32_t>(DM_HOST_CASES_V1_0_SIZE);
    using S = Services;
    constexpr auto never = Refusal::Never;
    constexpr auto while_failing = Refusal::WhileFailing;
    cases_.case_details = &S::pass<&dm_host_cases::case_details, "case_details", while_failing>;
    cases_.journal_entries =
        &S::pass<&dm_host_cases::journal_entries, "journal_entries", while_failing>;
    cases_.attachments = &S::pass<&dm_host_cases::attachments, "attachments", while_failing>;
    cases_.case_types = &S::pass<&dm_host_cases::case_types, "case_types", never>;
    cases_.open_attachment = &S::pass<&dm_host_cases::open_attachment, "open_attachment", never>;
    cases_.attachment_size = &S::pass_uncounted<&dm_host_cases::attachment_size>;
    cases_.read_attachment = &S::pass_uncounted<&dm_host_cases::read_attachment>;
    cases_.attachment_fd = &S::attachment_fd;
    cases_.close_attachment = &S::pass_uncounted<&dm_host_cases::close_attachment>;
    if (abi == Abi::v1_1) {
        if (inner_cases_.read_case == nullptr || inner_cases_.add_journal_entry == nullptr) {
            throw std::runtime_error("a 1.1 counting host needs a 1.1 host behind it");
        }
        cases_.read_case = &S::pass<&dm_host_cases::read_case, "read_case", while_failing>;
        cases_.add_journal_entry = &S::add_journal_entry;
    }
    directory_.struct_size = sizeof(dm_host_directory);
    directory_.user = &S::pass<&dm_host_directory::user, "user", never>;
    directory_.active_user_count =
        &S::pass<&dm_host_directory::active_user_count, "active_user_count", never>;
    directory_.may_access = &S::pass<&dm_host_directory::may_access, "may_access", while_failing>;
    log_.struct_size = sizeof(dm_host_log);
    log_.log = &S::log;

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

}  // namespace es::test
