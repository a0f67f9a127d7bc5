// The CPUs the portal sizes its defaults by: a container's or a unit's CPU limit, not the host's.
#include "net/usable_cores.hpp"

#include <gtest/gtest.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace es::net {
namespace {

namespace fs = std::filesystem;

// A cgroup file system in a temporary folder, laid out as the kernel mounts it.
class FakeCgroups : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("es-cgroups-" + std::to_string(::getpid()));
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    void write(const std::string& file, const std::string& text) {
        fs::create_directories((root_ / file).parent_path());
        std::ofstream(root_ / file) << text;
    }
    std::string mount() const { return root_.string(); }

  private:
    fs::path root_;
};

TEST(UsableCores, ACpuMaxQuotaIsRoundedUpAndMaxIsNoLimit) {
    EXPECT_EQ(std::nullopt, cores_of_cpu_max("max 100000\n"));
    EXPECT_EQ(2, cores_of_cpu_max("200000 100000\n"));
    EXPECT_EQ(2, cores_of_cpu_max("150000 100000"));
    EXPECT_EQ(1, cores_of_cpu_max("50000 100000\n"));
    EXPECT_EQ(std::nullopt, cores_of_cpu_max(""));
    EXPECT_EQ(std::nullopt, cores_of_cpu_max("two 100000"));
    EXPECT_EQ(std::nullopt, cores_of_cfs(-1, 100000));
    EXPECT_EQ(3, cores_of_cfs(250000, 100000));
}

TEST(UsableCores, TheAffinityMaskIsCappedByTheQuotaAndNeverBelowOne) {
    EXPECT_EQ(2, usable_cores_of(64, 2, 64));  // a 2-CPU pod on a 64-core node
    EXPECT_EQ(2, usable_cores_of(2, 8, 64));   // taskset to 2 CPUs under a larger quota
    EXPECT_EQ(4, usable_cores_of(4, std::nullopt, 64));
    EXPECT_EQ(16, usable_cores_of(0, std::nullopt, 16));  // affinity unreadable
    EXPECT_EQ(1, usable_cores_of(0, std::nullopt, 0));    // nothing known
}

TEST_F(FakeCgroups, V2TheTightestQuotaOnTheWayUpToTheRootApplies) {
    write("kubepods/cpu.max", "400000 100000\n");
    write("kubepods/pod7/cpu.max", "max 100000\n");
    EXPECT_EQ(4, quota_cpus(mount(), "0::/kubepods/pod7\n"));  // the parent's limit binds the pod
    write("kubepods/pod7/cpu.max", "150000 100000\n");
    EXPECT_EQ(2, quota_cpus(mount(), "0::/kubepods/pod7\n"));
    EXPECT_EQ(std::nullopt, quota_cpus(mount(), "0::/elsewhere\n"));
}

TEST_F(FakeCgroups, V1TheCpuControllersQuotaApplies) {
    write("cpu/docker/abc/cpu.cfs_quota_us", "200000\n");
    write("cpu/docker/abc/cpu.cfs_period_us", "100000\n");
    const std::string self = "5:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n3:cpuset:/\n0::/\n";
    EXPECT_EQ(2, quota_cpus(mount(), self));
    write("cpu/docker/abc/cpu.cfs_quota_us", "-1\n");
    EXPECT_EQ(std::nullopt, quota_cpus(mount(), self));
}

TEST_F(FakeCgroups, AContainerThatSeesOnlyItsOwnCgroupStillFindsItsQuota) {
    // The host's path in /proc/self/cgroup, but the container's own cgroup mounted as the top.
    write("cpu/cpu.cfs_quota_us", "100000\n");
    write("cpu/cpu.cfs_period_us", "100000\n");
    EXPECT_EQ(1, quota_cpus(mount(), "2:cpu:/docker/0123abcd\n"));
}

TEST(UsableCores, AProcessPinnedToOneCpuCountsOne) {
    const pid_t child = ::fork();
    ASSERT_NE(-1, child);
    if (child == 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(0, &one);
        if (sched_setaffinity(0, sizeof one, &one) != 0) {
            ::_exit(100);
        }
        ::_exit(affinity_cpus());
    }
    int status = 0;
    ASSERT_EQ(child, ::waitpid(child, &status, 0));
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(1, WEXITSTATUS(status));
    EXPECT_GE(affinity_cpus(), 1);  // this process, unpinned
    EXPECT_LE(usable_cores(), affinity_cpus());
}

}  // namespace
}  // namespace es::net
