// The conversation with the plugin, run inside a forked child: load, check the entry, start it with
// fake host services, call every function of every known extension with good and bad input, stop.
#pragma once

#include <set>
#include <string>

#include "fake_host.hpp"
#include "records.hpp"

namespace dm_check {

struct SessionOptions {
    std::string plugin_path;
    std::string config_path;           // passed to init as config_path; may be empty
    std::string data_directory;        // passed to init as data_directory; must exist
    HostAbi host_abi = HostAbi::v1_1;  // the minor version the fake host plays
};

// Runs every step in order and reports through `out`. Steps are numbered in the order they run,
// which is the same in every child; steps in `skip` crashed or hung an earlier child and are left
// out. Never returns an exception; the plugin may of course end the process.
void run_session(const SessionOptions& options, RecordWriter& out, const std::set<int>& skip);

}  // namespace dm_check
