#include "json_value.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSONString.h>

namespace dm_check {

namespace {

JsonValue from_poco(const Poco::Dynamic::Var& v) {
    JsonValue out;
    if (v.isEmpty()) {
        return out;
    }
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
        out.type = JsonValue::Type::Object;
        const auto object = v.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, value] : *object) {
            out.members.emplace_back(key, from_poco(value));
        }
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        out.type = JsonValue::Type::Array;
        for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) {
            out.items.push_back(from_poco(item));
        }
    } else if (v.isString()) {
        out.type = JsonValue::Type::String;
        out.text = v.extract<std::string>();
    } else if (v.isBoolean()) {
        out.type = JsonValue::Type::Bool;
    } else {
        out.type = JsonValue::Type::Number;
    }
    return out;
}

}  // namespace

const JsonValue* JsonValue::member(std::string_view key) const noexcept {
    if (type != Type::Object) {
        return nullptr;
    }
    for (const auto& m : members) {
        if (m.first == key) {
            return &m.second;
        }
    }
    return nullptr;
}

std::string JsonValue::string_member(std::string_view key) const {
    const JsonValue* m = member(key);
    return (m != nullptr && m->type == Type::String) ? m->text : std::string();
}

bool parse_json(std::string_view text, JsonValue& out, std::string& error) {
    out = JsonValue{};
    try {
        Poco::JSON::Parser parser;
        out = from_poco(parser.parse(std::string(text)));
        return true;
    } catch (const Poco::Exception& e) {
        error = e.displayText();
    } catch (const std::exception& e) {
        error = e.what();
    }
    return false;
}

std::string json_quote(std::string_view text) {
    return Poco::toJSON(std::string(text), Poco::JSON_WRAP_STRINGS);
}

}  // namespace dm_check
