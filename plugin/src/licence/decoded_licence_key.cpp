#include "licence/decoded_licence_key.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <vector>

namespace es::licence {

namespace {

bool is_base64url(std::string_view part) {
    if (part.empty()) {
        return false;
    }
    for (char c : part) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return part.size() % 4 != 1;  // a length no encoding produces
}

std::string decode_base64url(std::string_view part) {
    std::istringstream in{std::string(part)};
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string out;
    for (int c = decoder.get(); c != -1; c = decoder.get()) {
        out.push_back(static_cast<char>(c));
    }
    return out;
}

Poco::JSON::Object::Ptr parse_object(const std::string& json) {
    try {
        Poco::Dynamic::Var value = Poco::JSON::Parser().parse(json);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
            return value.extract<Poco::JSON::Object::Ptr>();
        }
    } catch (const Poco::Exception&) {
    }
    return nullptr;
}

}  // namespace

std::string trim_licence_key(std::string_view key) {
    const auto first = key.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = key.find_last_not_of(" \t\r\n");
    return std::string(key.substr(first, last - first + 1));
}

std::optional<DecodedLicenceKey> decode_licence_key(std::string_view key) {
    const std::string text = trim_licence_key(key);
    std::vector<std::string_view> parts;
    std::string_view rest = text;
    for (auto dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
        parts.push_back(rest.substr(0, dot));
        rest.remove_prefix(dot + 1);
    }
    parts.push_back(rest);
    if (parts.size() != 3) {
        return std::nullopt;
    }
    // An empty signature is still a JWT (alg "none"); the verifier refuses it by its algorithm.
    if (!is_base64url(parts[0]) || !is_base64url(parts[1]) ||
        (!parts[2].empty() && !is_base64url(parts[2]))) {
        return std::nullopt;
    }
    try {
        DecodedLicenceKey decoded;
        decoded.header = parse_object(decode_base64url(parts[0]));
        decoded.payload = parse_object(decode_base64url(parts[1]));
        decoded.signature = decode_base64url(parts[2]);
        if (decoded.header.isNull() || decoded.payload.isNull()) {
            return std::nullopt;
        }
        return decoded;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace es::licence
