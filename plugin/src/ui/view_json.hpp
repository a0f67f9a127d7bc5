// Small builders for view-model JSON (host-sdk/docs/view-model.md), so the views read like the
// schema they produce.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <map>
#include <string>
#include <utility>

namespace es::ui {

using Json = Poco::JSON::Object::Ptr;
using JsonArray = Poco::JSON::Array::Ptr;

inline Json object() {
    return new Poco::JSON::Object;
}
inline JsonArray array() {
    return new Poco::JSON::Array;
}

// An object with string properties, e.g. element({{"type","text"},{"text",t}}).
inline Json element(std::initializer_list<std::pair<const char*, std::string>> properties) {
    Json o = object();
    for (const auto& [k, v] : properties) {
        o->set(k, v);
    }
    return o;
}

// The errors beside a form's fields, by field name.
inline Json field_errors_object(const std::map<std::string, std::string>& errors) {
    Json e = object();
    for (const auto& [k, v] : errors) {
        e->set(k, v);
    }
    return e;
}

// A dialog titled `title` showing `body`; `wide` for one with lists of items.
inline Json dialog_element(const std::string& title, const JsonArray& body, bool wide = false) {
    Json dialog = element({{"type", "dialog"}, {"title", title}});
    if (wide) {
        dialog->set("size", "wide");
    }
    dialog->set("body", body);
    return dialog;
}

inline Json notice(const std::string& level, const std::string& text) {
    return element({{"type", "notice"}, {"level", level}, {"text", text}});
}

inline Json text_element(const std::string& text, bool muted = false) {
    Json o = element({{"type", "text"}, {"text", text}});
    if (muted) {
        o->set("tone", "muted");
    }
    return o;
}

inline Json button(const std::string& label, const std::string& action, Json payload = nullptr,
                   const std::string& icon = "", const std::string& style = "default") {
    Json b = element({{"type", "button"}, {"label", label}, {"action", action}, {"style", style}});
    if (!icon.empty()) {
        b->set("icon", icon);
    }
    b->set("payload", payload ? payload : object());
    return b;
}

// JSON text of a view model.
std::string stringify(const Json& value);
std::string stringify(const JsonArray& value);

// Replaces "{name}" in `pattern` by `value`.
std::string fill(std::string pattern, const std::string& name, const std::string& value);

}  // namespace es::ui
