// How many CPUs this process may really use. std::thread::hardware_concurrency() counts the
// machine's, but a container (or a systemd unit with CPUQuota=, or taskset) usually gets a few of
// a big host's: sized by the host, a 2-CPU pod on a 64-core node would wake up to 128 request
// threads at once and let 64 Argon2id hashes of 19 MiB each run together, about 1.2 GiB in a pod
// whose memory limit is usually far below that. So the defaults that scale with the cores use
// this instead: the CPUs of the process's affinity mask, capped by the CPU quota of its cgroup
// and of every cgroup above it (v2 `cpu.max`; v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`),
// rounded up, at least 1.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace es::net {

// Read once per process (limits are not expected to change while it runs).
int usable_cores();

// The parts, for tests.
//
// A cgroup v2 `cpu.max` text ("max 100000", "150000 100000"): the CPUs its quota allows, rounded
// up; none when unlimited or unreadable. cgroup v1: quota and period in µs (quota -1: unlimited).
std::optional<int> cores_of_cpu_max(std::string_view text);
std::optional<int> cores_of_cfs(long long quota_us, long long period_us);
// The smallest quota on the way from the process's cgroup up to the root, given the cgroup file
// system's mount point (`/sys/fs/cgroup`) and the text of /proc/self/cgroup.
std::optional<int> quota_cpus(const std::string& cgroup_mount, std::string_view self_cgroup);
// The CPUs in this thread's affinity mask (taskset, a cpuset); 0 when it cannot be read.
int affinity_cpus();
// The affinity mask's CPUs (0: unknown, then `fallback`), capped by a quota, at least 1.
int usable_cores_of(int affinity_cpus, std::optional<int> quota_cpus, int fallback);

}  // namespace es::net
