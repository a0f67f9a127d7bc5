#include "net/usable_cores.hpp"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace es::net {

namespace {

std::optional<std::string> file_text(const char* path) {
    std::ifstream in(path);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<long long> number(std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    return text;
}

// The quota of one cgroup folder: v2's cpu.max, else v1's pair of files.
std::optional<int> quota_in(const std::string& folder) {
    if (const auto v2 = file_text((folder + "/cpu.max").c_str())) {
        return cores_of_cpu_max(*v2);
    }
    const auto quota = file_text((folder + "/cpu.cfs_quota_us").c_str());
    const auto period = file_text((folder + "/cpu.cfs_period_us").c_str());
    if (!quota || !period) {
        return std::nullopt;
    }
    const auto q = number(trimmed(*quota));
    const auto p = number(trimmed(*period));
    if (!q || !p) {
        return std::nullopt;
    }
    return cores_of_cfs(*q, *p);
}

// The smaller of two quotas, either of which may be absent.
std::optional<int> tighter(std::optional<int> a, std::optional<int> b) {
    if (a && b) {
        return std::min(*a, *b);
    }
    return a ? a : b;
}

// Every folder from `top` + `path` up to `top`: a parent's quota binds its children too.
std::optional<int> quota_up_from(const std::string& top, std::string path) {
    std::optional<int> found;
    for (;;) {
        found = tighter(found, quota_in(top + path));
        const auto slash = path.find_last_of('/');
        if (path.empty() || slash == std::string::npos) {
            return found;
        }
        path.erase(slash);
    }
}

}  // namespace

std::optional<int> cores_of_cfs(long long quota_us, long long period_us) {
    if (quota_us <= 0 || period_us <= 0) {
        return std::nullopt;
    }
    return static_cast<int>(std::max(1LL, (quota_us + period_us - 1) / period_us));
}

std::optional<int> cores_of_cpu_max(std::string_view text) {
    text = trimmed(text);
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        return std::nullopt;
    }
    const auto quota = number(text.substr(0, space));  // "max": none
    const auto period = number(text.substr(space + 1));
    if (!quota || !period) {
        return std::nullopt;
    }
    return cores_of_cfs(*quota, *period);
}

std::optional<int> quota_cpus(const std::string& mount, std::string_view self_cgroup) {
    // Lines "hierarchy-id:controllers:path"; v2's is "0::path", v1's cpu line lists "cpu".
    std::optional<int> found;
    std::istringstream lines{std::string(self_cgroup)};
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find(':');
        const auto second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos) {
            continue;
        }
        const std::string controllers = line.substr(first + 1, second - first - 1);
        std::string path = line.substr(second + 1);
        if (path == "/") {
            path.clear();
        }
        if (controllers.empty()) {
            found = tighter(found, quota_up_from(mount, path));
        } else if (("," + controllers + ",").find(",cpu,") != std::string::npos) {
            found = tighter(found, quota_up_from(mount + "/cpu", path));
        }
    }
    return found;
}

int affinity_cpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return 0;
    }
    return CPU_COUNT(&set);
}

int usable_cores_of(int affinity, std::optional<int> quota, int fallback) {
    int cores = affinity > 0 ? affinity : fallback;
    if (quota) {
        cores = std::min(cores, *quota);
    }
    return std::max(1, cores);
}

int usable_cores() {
    static const int cores = usable_cores_of(
        affinity_cpus(), quota_cpus("/sys/fs/cgroup", file_text("/proc/self/cgroup").value_or("")),
        static_cast<int>(std::thread::hardware_concurrency()));
    return cores;
}

}  // namespace es::net
