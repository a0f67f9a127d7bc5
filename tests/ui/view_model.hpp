// What the view-model tests share: a case and a clock to build views from, and a way to read the
// built JSON the way a host does (by type and field name, not by position).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "domain/case_snapshot.hpp"
#include "domain/policy.hpp"
#include "domain/timestamp.hpp"
#include "ui/view_json.hpp"

namespace es::ui::test {

// 2026-12-06 09:30 UTC, 10:30 in Zurich.
domain::Timestamp test_now();
// The organisation's time zone of these tests.
inline constexpr const char* kZone = "Europe/Zurich";
// A policy on Europe/Zurich's clock, as app::PolicyResolver hands it out.
domain::Policy zurich_policy(domain::PolicySettings settings = {});
// The instant `days` after test_now().
domain::Timestamp days_after_now(int days);

// Case "2026-17 Muster" of Eva Extern (e-mail and mobile number): one detail field ("parcel"),
// a journal entry ("j1") and an internal one with a long text ("j2"), one attachment ("a1",
// 1536 bytes).
domain::CaseSnapshot sample_case();

// The view model as JSON text and parsed back: what the host receives.
Json reparsed(const Json& view);

// The first element of `body` (a dialog's or a panel's) with this "type"; throws when none.
Json element_of_type(const Json& view, const std::string& type);
// The form's field with this "name"; throws when none.
Json field_named(const Json& form, const std::string& name);
// The "value"s of a radio field's options, in order.
std::vector<std::string> option_values(const Json& radio);
// The string property `key` of each object of `array`, in order.
std::vector<std::string> strings_of(const JsonArray& array, const std::string& key);

}  // namespace es::ui::test
