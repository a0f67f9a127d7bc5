// Every configuration file we ship loads, so an example never rots.
#include <gtest/gtest.h>

#include <string>

#include "config/settings_loader.hpp"

namespace {

void expect_loads(const std::string& relative) {
    const std::string path = std::string(ES_SOURCE_DIR) + "/config/" + relative;
    EXPECT_NO_THROW(es::config::load_settings(path, "/tmp")) << path;
}

}  // namespace

TEST(ShippedConfigs, DevelopmentConfigLoads) {
    expect_loads("dev/external-sharing.yaml");
}
TEST(ShippedConfigs, TestConfigLoads) {
    expect_loads("test/external-sharing.yaml");
}
TEST(ShippedConfigs, ProductionExampleLoads) {
    expect_loads("production.example.yaml");
}
