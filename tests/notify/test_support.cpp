#include "test_support.hpp"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../support/test_ports.hpp"
#include "sink_process.hpp"

Poco::JSON::Object::Ptr read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
}

std::string test_seal(const std::string& plain, const std::string& associated_data) {
    return "sealed:" + associated_data + ":" + plain;
}

es::notify::ShareFacts sample_share_facts() {
    es::notify::ShareFacts facts;
    facts.organisation_id = "org-1";
    facts.organisation_name = "Sozialamt Zürich";
    facts.share_id = "0123456789abcdef0123456789abcdef";
    facts.owner_name = "Max Müller";
    facts.owner_email = "max@amt.example";
    facts.recipient_name = "Anna Muster";
    return facts;
}

es::notify::MessageComposer::OpenSecret test_opener() {
    return [](std::string_view sealed, std::string_view associated_data) {
        const std::string prefix = "sealed:" + std::string(associated_data) + ":";
        if (sealed.substr(0, prefix.size()) != prefix) {
            throw std::runtime_error("cannot open the sealed value");
        }
        return std::string(sealed.substr(prefix.size()));
    };
}

void run_command(const std::string& command) {
    const int rc = std::system(command.c_str());
    ASSERT_EQ(rc, 0) << command;
}

int unused_port() {
    return es::test::free_port();  // reserved for this process: no other test binds it meanwhile
}
