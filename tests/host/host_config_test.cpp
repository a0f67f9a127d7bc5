// The host's YAML configuration: defaults, relative paths, and errors that name file, line and key.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "config/host_config.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

std::string write(const TempDir& dir, const std::string& text) {
    std::string path = dir.path() + "/host.yaml";
    std::ofstream(path) << text;
    return path;
}

// The ConfigError loading `path` throws; a failure of the test when it loads.
std::string load_error(const std::string& path) {
    try {
        HostConfig::load(path);
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a ConfigError for " << path;
    return "";
}

TEST(HostConfig, RelativePathsAreResolvedAgainstTheConfigFolder) {
    TempDir dir;
    auto path = write(dir,
                      "data_directory: data\nspool_directory: spool\nplugins:\n"
                      "  - path: ../plugins/libx.so\n    config: x.yaml\n");
    auto c = HostConfig::load(path);
    EXPECT_EQ(c.data_directory, dir.path() + "/data");
    EXPECT_EQ(c.database_path, dir.path() + "/data/host.db");
    EXPECT_EQ(c.spool_directory, dir.path() + "/spool");
    ASSERT_EQ(c.plugins.size(), 1u);
    EXPECT_EQ(c.plugins[0].path,
              std::filesystem::path(dir.path()).parent_path().string() + "/plugins/libx.so");
    EXPECT_EQ(c.plugins[0].config_path, dir.path() + "/x.yaml");
    EXPECT_EQ(c.port, 8080);
    EXPECT_FALSE(c.big_attachment);
}

TEST(HostConfig, UnknownKeyNamesFileLineAndKey) {
    TempDir dir;
    auto path = write(dir, "data_directory: data\nlisten:\n  adress: 127.0.0.1\n");
    const std::string m = load_error(path);
    EXPECT_NE(m.find(path + ":3:"), std::string::npos) << m;
    EXPECT_NE(m.find("unknown key 'listen.adress'"), std::string::npos) << m;
}

TEST(HostConfig, BadValueNamesTheKey) {
    TempDir dir;
    auto path = write(dir, "data_directory: data\ndemo_data:\n  big_attachment: perhaps\n");
    const std::string m = load_error(path);
    EXPECT_NE(m.find(":3: bad value for 'demo_data.big_attachment'"), std::string::npos) << m;
}

TEST(HostConfig, DrainDeadlineDefaultsToTwentySecondsAndIsBounded) {
    TempDir dir;
    EXPECT_EQ(20, HostConfig::load(write(dir, "data_directory: data\n")).connections.drain_seconds);
    EXPECT_EQ(
        0, HostConfig::load(write(dir, "data_directory: data\nconnections:\n  drain_seconds: 0\n"))
               .connections.drain_seconds);
    const std::string m =
        load_error(write(dir, "data_directory: data\nconnections:\n  drain_seconds: 3601\n"));
    EXPECT_NE(m.find(":3:"), std::string::npos) << m;
    EXPECT_NE(m.find("connections.drain_seconds"), std::string::npos) << m;
}

TEST(HostConfig, UploadLimitDefaultsTo100MiBAndMustBePositive) {
    TempDir dir;
    EXPECT_EQ(HostConfig::load(write(dir, "data_directory: data\n")).attachments.max_upload_bytes,
              std::int64_t{100} << 20);
    EXPECT_EQ(HostConfig::load(write(dir,
                                     "data_directory: data\nattachments:\n"
                                     "  max_upload_bytes: 5000000000\n"))
                  .attachments.max_upload_bytes,
              5000000000);
    std::string m =
        load_error(write(dir, "data_directory: data\nattachments:\n  max_upload_bytes: 0\n"));
    EXPECT_NE(m.find(":3: attachments.max_upload_bytes must be at least 1"), std::string::npos)
        << m;
    m = load_error(write(dir, "data_directory: data\nattachments:\n  max_upload_bytes: 1 GB\n"));
    EXPECT_NE(m.find(":3: bad value for 'attachments.max_upload_bytes'"), std::string::npos) << m;
    m = load_error(write(dir, "data_directory: data\nattachments:\n  max_bytes: 1\n"));
    EXPECT_NE(m.find(":3: unknown key 'attachments.max_bytes'"), std::string::npos) << m;
}

TEST(HostConfig, MissingFileIsAnError) {
    EXPECT_THROW(HostConfig::load("/nonexistent/host.yaml"), ConfigError);
}

TEST(HostConfig, ShippedConfigsLoad) {
    auto dev = HostConfig::load(DM_SOURCE_DIR "/config/dev/host.yaml");
    EXPECT_TRUE(dev.big_attachment);
    ASSERT_EQ(dev.plugins.size(), 1u);
    EXPECT_EQ(dev.plugins[0].path, DM_SOURCE_DIR "/build/plugin/libexternal_sharing.so");
    auto test = HostConfig::load(DM_SOURCE_DIR "/config/test/host.yaml");
    EXPECT_FALSE(test.big_attachment);
}

}  // namespace
}  // namespace host::test
