#include <Poco/JSON/Stringifier.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "commands.hpp"
#include "licence/decoded_licence_key.hpp"
#include "licence/licence_verifier.hpp"
#include "options.hpp"
#include "text/time_text.hpp"

namespace es::tools {

namespace {

std::string read_all(std::istream& in) {
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void print_time_claim(const Poco::JSON::Object& claims, const std::string& name) {
    if (claims.has(name) && claims.get(name).isInteger()) {
        const auto seconds = claims.get(name).convert<std::int64_t>();
        std::cout << "  " << name << " = "
                  << text::format_utc(domain::from_epoch_ms(seconds * 1000)) << "\n";
    }
}

}  // namespace

int inspect_command(const std::vector<std::string>& args) {
    const Options options(args, {"pub"}, {});
    if (options.positional().size() != 1) {
        throw std::invalid_argument("inspect takes one licence key (or - for standard input)");
    }
    std::string key = options.positional()[0];
    if (key == "-") {
        key = read_all(std::cin);
    }
    const auto decoded = licence::decode_licence_key(key);
    if (!decoded) {
        std::cout << "not a licence key (expected three base64url parts separated by dots)\n";
        return 1;
    }
    std::cout << "header: ";
    decoded->header->stringify(std::cout, 2);
    std::cout << "\nclaims: ";
    decoded->payload->stringify(std::cout, 2);
    std::cout << "\ntimes (UTC):\n";
    for (const char* name : {"nbf", "exp", "iat"}) {
        print_time_claim(*decoded->payload, name);
    }
    if (auto pub = options.value("pub")) {
        std::ifstream in(*pub, std::ios::binary);
        if (!in) {
            throw std::runtime_error("cannot read " + *pub);
        }
        const std::string kid = decoded->header->optValue<std::string>("kid", "");
        const licence::LicenceVerifier verifier({{kid.empty() ? "-" : kid, read_all(in)}});
        const bool valid = verifier.signature_valid(key);
        std::cout << "signature: " << (valid ? "valid" : "INVALID") << " (checked with " << *pub
                  << ")\n";
        return valid ? 0 : 1;
    }
    return 0;
}

}  // namespace es::tools
