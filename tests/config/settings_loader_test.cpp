// The plugin refuses a configuration it cannot trust, naming file, key and line.
#include <gtest/gtest.h>

#include <string>

#include "config/config_error.hpp"
#include "config/settings_loader.hpp"

using es::config::ConfigError;
using es::config::parse_settings;
using es::config::Settings;

namespace {

const char* kMinimal = "crypto:\n  key_env: KEYS\n";

// Parses and returns the error; fails the test when no error is raised.
ConfigError error_of(const std::string& yaml) {
    try {
        parse_settings(yaml, "es.yaml", "/data");
    } catch (const ConfigError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for:\n" << yaml;
    return ConfigError("", "", 0, "");
}

}  // namespace

TEST(SettingsLoader, MinimalFileGivesDocumentedDefaults) {
    Settings s = parse_settings(kMinimal, "es.yaml", "/data");
    EXPECT_EQ(s.storage.backend, es::config::StorageSettings::Backend::Sqlite);
    EXPECT_EQ(s.storage.sqlite_path, "/data/external-sharing.db");
    EXPECT_EQ(s.policy.defaults.direct_link_expiry_days, 20);
    EXPECT_EQ(s.policy.defaults.email_link_expiry_hours, 24);
    EXPECT_EQ(s.policy.defaults.code_digits, 6);
    EXPECT_EQ(s.policy.defaults.code_lifetime_minutes, 10);
    EXPECT_EQ(s.policy.defaults.password_min_length, 8);
    EXPECT_GE(s.policy.defaults.password_max_length, 64);
    EXPECT_EQ(s.crypto.argon2.memory_kib, 19u * 1024u);
    EXPECT_EQ(s.crypto.argon2.iterations, 2u);
    EXPECT_EQ(s.crypto.argon2.parallelism, 1u);
}

TEST(SettingsLoader, UnknownTopLevelKeyNamesKeyAndLine) {
    ConfigError e = error_of(std::string(kMinimal) + "portl:\n  port: 1\n");
    EXPECT_EQ(e.key(), "portl");
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("es.yaml:3: portl: unknown key"), std::string::npos)
        << e.what();
}

TEST(SettingsLoader, UnknownNestedKeyNamesDottedPath) {
    ConfigError e = error_of(std::string(kMinimal) + "policy:\n  code_digts: 5\n");
    EXPECT_EQ(e.key(), "policy.code_digts");
    EXPECT_EQ(e.line(), 4);
}

TEST(SettingsLoader, WrongTypeIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) + "portal:\n  port: eighty\n");
    EXPECT_EQ(e.key(), "portal.port");
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("whole number"), std::string::npos) << e.what();
}

TEST(SettingsLoader, OutOfRangeValueIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) + "policy:\n  code_digits: 4\n");
    EXPECT_EQ(e.key(), "policy.code_digits");
    EXPECT_NE(std::string(e.what()).find("out of range 5..8"), std::string::npos) << e.what();
}

TEST(SettingsLoader, MaintenanceIntervalDefaultsToAnHourAndIsBounded) {
    EXPECT_EQ(parse_settings(kMinimal, "es.yaml", "/data").storage.maintenance_interval_minutes,
              60);
    EXPECT_EQ(
        parse_settings(std::string(kMinimal) + "storage:\n  maintenance_interval_minutes: 5\n",
                       "es.yaml", "/data")
            .storage.maintenance_interval_minutes,
        5);
    for (const char* bad : {"0", "1441", "soon"}) {
        ConfigError e = error_of(std::string(kMinimal) +
                                 "storage:\n  maintenance_interval_minutes: " + bad + "\n");
        EXPECT_EQ(e.key(), "storage.maintenance_interval_minutes") << bad;
        EXPECT_EQ(e.line(), 4) << bad;
    }
}

TEST(SettingsLoader, TransfersDefaultToHalfTheWorkersAndMustLeaveSomeForThePages) {
    EXPECT_EQ(parse_settings(kMinimal, "es.yaml", "/data").portal.transfer_limit(), 32);
    EXPECT_EQ(
        parse_settings(std::string(kMinimal) + "portal:\n  max_threads: 10\n", "es.yaml", "/data")
            .portal.transfer_limit(),
        5);
    EXPECT_EQ(
        parse_settings(std::string(kMinimal) + "portal:\n  max_transfers: 7\n", "es.yaml", "/data")
            .portal.transfer_limit(),
        7);
    ConfigError e =
        error_of(std::string(kMinimal) + "portal:\n  max_threads: 16\n  max_transfers: 16\n");
    EXPECT_EQ(e.key(), "portal.max_transfers");
    EXPECT_EQ(e.line(), 5);
    EXPECT_NE(std::string(e.what()).find("below max_threads (16)"), std::string::npos) << e.what();
}

TEST(SettingsLoader, DrainDeadlineDefaultsToTwentySecondsAndIsBounded) {
    EXPECT_EQ(parse_settings(kMinimal, "es.yaml", "/data").portal.drain_seconds, 20);
    EXPECT_EQ(
        parse_settings(std::string(kMinimal) + "portal:\n  drain_seconds: 0\n", "es.yaml", "/data")
            .portal.drain_seconds,
        0);
    for (const char* bad : {"-1", "3601", "soon"}) {
        ConfigError e = error_of(std::string(kMinimal) + "portal:\n  drain_seconds: " + bad + "\n");
        EXPECT_EQ(e.key(), "portal.drain_seconds") << bad;
        EXPECT_EQ(e.line(), 4) << bad;
    }
}

TEST(SettingsLoader, UserAgentRulesAreDebiansUnlessSetAndRelativeToTheBase) {
    EXPECT_EQ(parse_settings(kMinimal, "es.yaml", "/data").storage.user_agent_regexes_file,
              "/usr/share/uap-core/regexes.yaml");
    EXPECT_EQ(parse_settings(
                  std::string(kMinimal) + "storage:\n  user_agent_regexes_file: uap/regexes.yaml\n",
                  "es.yaml", "/data")
                  .storage.user_agent_regexes_file,
              "/data/uap/regexes.yaml");
}

TEST(SettingsLoader, FiveDigitCodesAreAllowed) {
    Settings s =
        parse_settings(std::string(kMinimal) + "policy:\n  code_digits: 5\n", "es.yaml", "/data");
    EXPECT_EQ(s.policy.defaults.code_digits, 5);
}

TEST(SettingsLoader, PasswordMaximumBelowSixtyFourIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) + "policy:\n  password_max_length: 32\n");
    EXPECT_EQ(e.key(), "policy.password_max_length");
}

TEST(SettingsLoader, DefaultExpiryBeyondMaximumIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "policy:\n  max_expiry_days: 10\n  direct_link_expiry_days: 20\n");
    EXPECT_EQ(e.key(), "policy.direct_link_expiry_days");
    EXPECT_EQ(e.line(), 5);
}

TEST(SettingsLoader, CaseTypeOverridesOnlyWhatItNames) {
    Settings s = parse_settings(std::string(kMinimal) +
                                    "policy:\n  code_digits: 5\n  case_types:\n"
                                    "    audit:\n      enabled: false\n",
                                "es.yaml", "/data");
    EXPECT_FALSE(s.policy.for_case_type("audit").enabled);
    EXPECT_EQ(s.policy.for_case_type("audit").code_digits, 5);
    EXPECT_TRUE(s.policy.for_case_type("other").enabled);
}

TEST(SettingsLoader, ReminderDaysPerCaseTypeAreRefused) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "policy:\n  case_types:\n    audit:\n      expiry_reminder_days: 5\n");
    EXPECT_EQ(e.key(), "policy.case_types.audit.expiry_reminder_days");
}

TEST(SettingsLoader, UnknownKeyInsideCaseTypeIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "policy:\n  case_types:\n    audit:\n      enabeld: false\n");
    EXPECT_EQ(e.key(), "policy.case_types.audit.enabeld");
    EXPECT_EQ(e.line(), 6);
}

TEST(SettingsLoader, SealingKeySourceIsRequiredExactlyOnce) {
    EXPECT_EQ(error_of("storage:\n  backend: sqlite\n").key(), "crypto.key_file");
    EXPECT_EQ(error_of("crypto:\n  key_env: A\n  key_file: b\n").key(), "crypto.key_env");
}

TEST(SettingsLoader, UnknownChoiceListsAllowedValues) {
    ConfigError e = error_of(std::string(kMinimal) + "storage:\n  backend: postgres\n");
    EXPECT_EQ(e.key(), "storage.backend");
    EXPECT_NE(std::string(e.what()).find("sqlite, mysql"), std::string::npos) << e.what();
}

TEST(SettingsLoader, SectionThatIsNotAMappingIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) + "portal: 8091\n");
    EXPECT_EQ(e.key(), "portal");
    EXPECT_EQ(e.line(), 3);
}

TEST(SettingsLoader, BrokenYamlNamesTheLine) {
    ConfigError e = error_of("crypto:\n  key_env: [unclosed\n");
    EXPECT_GT(e.line(), 0);
    EXPECT_NE(std::string(e.what()).find("not valid YAML"), std::string::npos) << e.what();
}

TEST(SettingsLoader, HalfATlsPairIsRefused) {
    ConfigError e = error_of(std::string(kMinimal) + "portal:\n  tls:\n    certificate_file: c\n");
    EXPECT_EQ(e.key(), "portal.tls.private_key_file");
}

TEST(SettingsLoader, HeaderInjectionInSenderAddressIsRefused) {
    ConfigError e =
        error_of(std::string(kMinimal) + "notify:\n  from_address: \"a@b.c\\r\\nBcc: x@y.z\"\n");
    EXPECT_EQ(e.key(), "notify.from_address");
}

TEST(SettingsLoader, HttpSmsGatewayNeedsPlaceholders) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "notify:\n  sms: http\n  sms_gateway:\n    url: http://127.0.0.1:9/\n"
                             "    body_template: '{\"to\":{to}}'\n");
    EXPECT_EQ(e.key(), "notify.sms_gateway.body_template");
}

TEST(SettingsLoader, MissingFileIsNamed) {
    try {
        es::config::load_settings("/nonexistent/es.yaml", "");
        FAIL() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/es.yaml"), std::string::npos);
    }
}

TEST(SettingsLoader, ConnectionLimitsHaveDefaultsThatHoldOnTwoCores) {
    Settings s = parse_settings(kMinimal, "es.yaml", "/data");
    EXPECT_EQ(s.portal.max_connections, 4096);
    EXPECT_EQ(s.portal.max_connections_per_client, 32);
    EXPECT_EQ(s.portal.max_requests_in_progress_per_client, 8);
    EXPECT_EQ(s.portal.header_timeout_seconds, 10);
    EXPECT_EQ(s.portal.body_timeout_seconds, 10);
    EXPECT_EQ(s.portal.keep_alive_timeout_seconds, 15);
    EXPECT_EQ(s.portal.retry_after_seconds, 5);
    EXPECT_EQ(s.portal.max_threads, 64);
    Settings t =
        parse_settings(std::string(kMinimal) +
                           "portal:\n  listen_address: \"[::]\"\n"
                           "  max_connections_per_client: 4\n  header_timeout_seconds: 3\n",
                       "es.yaml", "/data");
    EXPECT_EQ(t.portal.listen_address, "[::]");
    EXPECT_EQ(t.portal.max_connections_per_client, 4);
    EXPECT_EQ(t.portal.header_timeout_seconds, 3);
}

TEST(SettingsLoader, TimeoutsOfTheThreadPerConnectionPortalNameTheirReplacement) {
    for (const char* key : {"request_timeout_seconds", "receive_timeout_seconds"}) {
        ConfigError e = error_of(std::string(kMinimal) + "portal:\n  " + key + ": 30\n");
        EXPECT_EQ(e.key(), std::string("portal.") + key);
        EXPECT_EQ(e.line(), 4);
        EXPECT_NE(std::string(e.what()).find("header_timeout_seconds"), std::string::npos)
            << e.what();
    }
}

TEST(SettingsLoader, GuessAndCodeSendLimitsHaveTheirDocumentedDefaults) {
    const Settings s = parse_settings(kMinimal, "es.yaml", "/data");
    EXPECT_EQ(s.portal.guesses.free_per_address, 5);
    EXPECT_EQ(s.portal.guesses.max_delay_seconds, 900);
    EXPECT_EQ(s.portal.guesses.window_minutes, 60);
    EXPECT_EQ(s.portal.guesses.share_tries_per_window, 30);
    EXPECT_EQ(s.policy.defaults.code_sends_per_hour, 10);
    EXPECT_EQ(s.policy.defaults.code_sends_per_address_per_hour, 3);
    const Settings set = parse_settings(std::string(kMinimal) +
                                            "portal:\n  guesses:\n    free_per_address: 3\n"
                                            "    share_tries_per_window: 12\n",
                                        "es.yaml", "/data");
    EXPECT_EQ(set.portal.guesses.free_per_address, 3);
    EXPECT_EQ(set.portal.guesses.share_tries_per_window, 12);
}

TEST(SettingsLoader, UnknownGuessLimitNamesItsLine) {
    ConfigError e =
        error_of(std::string(kMinimal) + "portal:\n  guesses:\n    free_per_adress: 3\n");
    EXPECT_EQ(e.key(), "portal.guesses.free_per_adress");
    EXPECT_EQ(e.line(), 5);
}

TEST(SettingsLoader, ShareTriesBelowOneAddressesFreeTriesAreRefused) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "portal:\n  guesses:\n    free_per_address: 5\n"
                             "    share_tries_per_window: 4\n");
    EXPECT_EQ(e.key(), "portal.guesses.share_tries_per_window");
    EXPECT_EQ(e.line(), 6);
}

TEST(SettingsLoader, OneAddressMayNotUseUpTheSharesCodeSends) {
    ConfigError e = error_of(std::string(kMinimal) +
                             "policy:\n  code_sends_per_hour: 4\n"
                             "  code_sends_per_address_per_hour: 4\n");
    EXPECT_EQ(e.key(), "policy.code_sends_per_address_per_hour");
    EXPECT_EQ(e.line(), 5);
    // A lowered share budget alone takes the per-address default down with it.
    const Settings s = parse_settings(std::string(kMinimal) + "policy:\n  code_sends_per_hour: 3\n",
                                      "es.yaml", "/data");
    EXPECT_EQ(s.policy.defaults.code_sends_per_address_per_hour, 2);
}

TEST(SettingsLoader, AccessLogFailureRefusesByDefaultAndAcceptsOnlyItsTwoValues) {
    using Failure = es::config::PortalSettings::AccessLogFailure;
    EXPECT_EQ(parse_settings(kMinimal, "es.yaml", "/data").portal.access_log_failure,
              Failure::Refuse);
    EXPECT_EQ(parse_settings(std::string(kMinimal) + "portal:\n  access_log_failure: serve\n",
                             "es.yaml", "/data")
                  .portal.access_log_failure,
              Failure::Serve);
    ConfigError e = error_of(std::string(kMinimal) + "portal:\n  access_log_failure: ignore\n");
    EXPECT_EQ(e.key(), "portal.access_log_failure");
}

TEST(SettingsLoader, OrganisationsRunOnZurichTimeUnlessConfigured) {
    Settings s = parse_settings(kMinimal, "es.yaml", "/data");
    EXPECT_EQ(s.organisation.time_zone_of("any"), "Europe/Zurich");

    s = parse_settings(std::string(kMinimal) +
                           "organisation:\n  time_zone: Europe/Berlin\n  overrides:\n"
                           "    org-ny:\n      time_zone: America/New_York\n",
                       "es.yaml", "/data");
    EXPECT_EQ(s.organisation.time_zone_of("org-1"), "Europe/Berlin");
    EXPECT_EQ(s.organisation.time_zone_of("org-ny"), "America/New_York");
}

TEST(SettingsLoader, AnUnknownTimeZoneNamesKeyAndLine) {
    ConfigError e =
        error_of(std::string(kMinimal) + "organisation:\n  time_zone: Europe/Zuerich\n");
    EXPECT_EQ(e.key(), "organisation.time_zone");
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("unknown time zone \"Europe/Zuerich\""), std::string::npos)
        << e.what();

    e = error_of(std::string(kMinimal) +
                 "organisation:\n  overrides:\n    org-x:\n      time_zone: CEST\n");
    EXPECT_EQ(e.key(), "organisation.overrides.org-x.time_zone");
    EXPECT_EQ(e.line(), 6);
}

TEST(SettingsLoader, MysqlServersAreReadInOrderWithDefaultPortAndIpv6InBrackets) {
    Settings s = parse_settings(std::string(kMinimal) +
                                    "storage:\n  mysql:\n    servers: [\"db1.internal:3307\", "
                                    "db2.internal, \"[2001:db8::7]:3308\"]\n"
                                    "    failback_seconds: 45\n",
                                "es.yaml", "/data");
    const auto& servers = s.storage.mysql.servers;
    ASSERT_EQ(servers.size(), 3u);
    EXPECT_EQ(servers[0].host, "db1.internal");
    EXPECT_EQ(servers[0].port, 3307);
    EXPECT_EQ(servers[1].host, "db2.internal");
    EXPECT_EQ(servers[1].port, 3306);
    EXPECT_EQ(servers[2].host, "2001:db8::7");
    EXPECT_EQ(servers[2].port, 3308);
    EXPECT_EQ(s.storage.mysql.failback_seconds, 45);
}

TEST(SettingsLoader, ABadMysqlServerEntryNamesTheKeyAndTheEntry) {
    for (const std::string bad :
         {"db1:", "db1:0", "db1:70000", "db1:x", "2001:db8::7", "[::1", "[]:3306", "user@db1"}) {
        ConfigError e = error_of(std::string(kMinimal) + "storage:\n  mysql:\n    servers: [\"" +
                                 bad + "\"]\n");
        EXPECT_EQ(e.key(), "storage.mysql.servers") << bad;
        EXPECT_EQ(e.line(), 5) << bad;
        EXPECT_NE(std::string(e.what()).find("'" + bad + "'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(error_of(std::string(kMinimal) +
                       "storage:\n  mysql:\n    host: db\n    servers: [db1, db2]\n")
                  .key(),
              "storage.mysql.servers");
    EXPECT_EQ(error_of(std::string(kMinimal) + "storage:\n  mysql:\n    servers: []\n").key(),
              "storage.mysql.servers");
}
