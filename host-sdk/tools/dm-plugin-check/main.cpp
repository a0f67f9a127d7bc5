// dm-plugin-check: loads a Dossier Manager plugin and reports what it provides and every rule of
// ABI v1 it breaks. Exit code 0 when conformant, 1 when not, 2 when it could not check.
//
//   dm-plugin-check [--json] [--verbose] [--config PATH] [--data-dir DIR] [--timeout S]
//                   [--host-abi 1.0|1.1] PLUGIN.so
#include <dm/version.h>
#include <stdlib.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "elf_exports.hpp"
#include "isolation.hpp"
#include "report.hpp"

namespace {

constexpr const char* kUsage =
    "usage: dm-plugin-check [--json] [--verbose] [--config PATH] [--data-dir DIR]\n"
    "                       [--timeout SECONDS] [--host-abi 1.0|1.1] PLUGIN.so\n"
    "Loads a Dossier Manager plugin (ABI v1) with fake host services, calls every function of\n"
    "the extensions it provides with good and bad input, and reports every rule it breaks.\n"
    "--host-abi 1.0 plays a host of ABI 1.0 (without the 1.1 additions), to check that the\n"
    "plugin also runs in an older host; the default is this checker's ABI, 1.1.\n"
    "Exit code: 0 conformant, 1 not conformant, 2 usage error.\n";

struct Options {
    bool json = false;
    bool verbose = false;
    int timeout_seconds = 120;
    std::string plugin;
    std::string config;
    std::string data_directory;
    dm_check::HostAbi host_abi = dm_check::HostAbi::v1_1;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) {
                return false;
            }
            into = argv[++i];
            return true;
        };
        std::string number;
        if (a == "--json") {
            o.json = true;
        } else if (a == "--verbose") {
            o.verbose = true;
        } else if (a == "--config") {
            if (!value(o.config))
                return false;
        } else if (a == "--data-dir") {
            if (!value(o.data_directory))
                return false;
        } else if (a == "--host-abi") {
            if (!value(number))
                return false;
            if (number == "1.0") {
                o.host_abi = dm_check::HostAbi::v1_0;
            } else if (number == "1.1") {
                o.host_abi = dm_check::HostAbi::v1_1;
            } else {
                return false;
            }
        } else if (a == "--timeout") {
            if (!value(number) || (o.timeout_seconds = std::atoi(number.c_str())) <= 0)
                return false;
        } else if (!a.empty() && a[0] == '-') {
            return false;
        } else if (o.plugin.empty()) {
            o.plugin = a;
        } else {
            return false;
        }
    }
    return !o.plugin.empty();
}

// The one-symbol rule, checked on the file without running any of its code.
void check_exports(const std::string& path, dm_check::Report& report) {
    std::vector<dm_check::ExportedSymbol> symbols;
    std::string error;
    if (!dm_check::read_exported_symbols(path, symbols, error)) {
        report.fail("exports.readable", path + ": " + error);
        return;
    }
    bool entry = false;
    std::string names;
    for (const auto& s : symbols) {
        names += (names.empty() ? "" : ", ") + s.name;
        if (s.name == "dm_plugin_entry") {
            entry = true;
            if (s.is_function) {
                report.fail("exports.entry_is_data", "dm_plugin_entry is a function, not a struct");
            }
        } else {
            report.fail("exports.only_entry", "unexpected export: " + s.name);
        }
    }
    report.info("exported symbols", names.empty() ? "(none)" : names);
    if (entry) {
        report.pass("exports.has_entry", "dm_plugin_entry is exported");
    } else {
        report.fail("exports.has_entry", "dm_plugin_entry is not exported");
    }
    if (symbols.size() == 1 && entry) {
        report.pass("exports.only_entry", "nothing but dm_plugin_entry is exported");
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::cerr << kUsage;
        return 2;
    }
    dm_check::Report report;
    report.info("checker ABI",
                std::to_string(DM_ABI_VERSION_MAJOR) + "." + std::to_string(DM_ABI_VERSION_MINOR));
    report.info("host ABI played", o.host_abi == dm_check::HostAbi::v1_0 ? "1.0" : "1.1");
    check_exports(o.plugin, report);

    std::string scratch;
    if (o.data_directory.empty()) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "dm-plugin-check-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::cerr << "dm-plugin-check: cannot create a data directory\n";
            return 2;
        }
        scratch = o.data_directory = pattern;
    }
    dm_check::SessionOptions session{o.plugin, o.config, o.data_directory, o.host_abi};
    dm_check::run_isolated(session, report, o.timeout_seconds);
    if (!scratch.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(scratch, ignored);
    }

    std::cout << (o.json ? report.json(o.plugin) : report.human(o.plugin, o.verbose));
    return report.conformant() ? 0 : 1;
}
