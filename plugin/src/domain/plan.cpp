#include "domain/plan.hpp"

namespace es::domain {

std::string_view plan_id(Plan plan) noexcept {
    switch (plan) {
        case Plan::Module:
            return "module";
        case Plan::Pro:
            return "pro";
        case Plan::ProPlus:
            return "pro_plus";
    }
    return "module";
}

std::optional<Plan> parse_plan(std::string_view id) noexcept {
    for (Plan plan : {Plan::Module, Plan::Pro, Plan::ProPlus}) {
        if (plan_id(plan) == id) {
            return plan;
        }
    }
    return std::nullopt;
}

bool includes_module(Plan plan) noexcept {
    return plan == Plan::Pro || plan == Plan::ProPlus;
}

}  // namespace es::domain
