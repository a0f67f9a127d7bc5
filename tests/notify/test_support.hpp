// Shared helpers of the notification tests.
#pragma once

#include <Poco/JSON/Object.h>

#include <filesystem>
#include <string>

#include "notify/message_composer.hpp"
#include "notify/outbox_rows.hpp"

Poco::JSON::Object::Ptr read_json(const std::filesystem::path& path);

// Stands in for crypto::SecretBox in these tests: "sealed:<associated data>:<plain>". Opening
// checks the associated data, as SecretBox does, so a value sealed for another share or purpose
// fails.
std::string test_seal(const std::string& plain, const std::string& associated_data);
es::notify::MessageComposer::OpenSecret test_opener();

// The share a notification is about, with names that need encoding (umlauts) in a mail header.
es::notify::ShareFacts sample_share_facts();

// Runs a shell command; fails the test when it does not exit 0.
void run_command(const std::string& command);
