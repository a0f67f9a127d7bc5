#include <Poco/UUIDGenerator.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "commands.hpp"
#include "licence/licence_signer.hpp"
#include "options.hpp"
#include "text/time_text.hpp"

namespace es::tools {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

domain::Timestamp date_option(const Options& options, const std::string& name) {
    const std::string text = options.required(name);
    const auto at = text::parse_utc(text);
    if (!at) {
        throw std::invalid_argument("--" + name + " '" + text +
                                    "' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
    return *at;
}

}  // namespace

int sign_command(const std::vector<std::string>& args) {
    const Options options(args, {"key", "kid", "org", "plan", "seats", "from", "until", "id"}, {});
    domain::Licence licence;
    licence.organisation_id = options.required("org");
    const std::string plan = options.required("plan");
    const auto parsed_plan = domain::parse_plan(plan);
    if (!parsed_plan) {
        throw std::invalid_argument("--plan '" + plan + "' is not module, pro or pro_plus");
    }
    licence.plan = *parsed_plan;
    const std::string seats = options.required("seats");
    std::size_t used = 0;
    try {
        licence.seats = std::stoll(seats, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != seats.size() || licence.seats < 1) {
        throw std::invalid_argument("--seats '" + seats + "' is not a positive whole number");
    }
    licence.valid_from = date_option(options, "from");
    licence.valid_until = date_option(options, "until");
    if (licence.valid_until <= licence.valid_from) {
        throw std::invalid_argument("--until must be after --from");
    }
    if (licence.organisation_id.empty()) {
        throw std::invalid_argument("--org must not be empty");
    }
    licence.licence_id = options.value("id").value_or(
        Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
    const licence::LicenceSigner signer(read_file(options.required("key")),
                                        options.required("kid"));
    std::cout << signer.sign(licence) << "\n";
    return 0;
}

}  // namespace es::tools
