// What an organisation bought. The module plan is priced per active user per month and can only be
// booked for the whole organisation; the PRO and PRO+ subscriptions include the module, which must
// still be activated (by entering the licence key the vendor issues for it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace es::domain {

enum class Plan { Module, Pro, ProPlus };

// "module", "pro", "pro_plus": the names used in licence keys, the store and the vendor tool.
std::string_view plan_id(Plan plan) noexcept;

// The plan for an id, or nothing for an unknown one.
std::optional<Plan> parse_plan(std::string_view id) noexcept;

// The module price in the smallest currency unit (Rappen): CHF 3.00 per user per month.
inline constexpr std::int64_t kModulePricePerUserPerMonth = 300;
inline constexpr std::string_view kCurrency = "CHF";

// True when the plan's price covers the module (PRO, PRO+); the module plan is billed per user.
bool includes_module(Plan plan) noexcept;

}  // namespace es::domain
