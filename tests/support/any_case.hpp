// A host's case access for tests and benchmarks that need cases but test nothing about them: every
// case exists, in every organisation and for every user, and looks like one shape.
#pragma once

#include <string>
#include <utility>

#include "app/case_access.hpp"

namespace es::test {

class AnyCase : public app::CaseAccess {
  public:
    // A case of type "general" with the one field "Name".
    AnyCase() : AnyCase(general_case()) {}
    // Cases like `shape`; each read sets the id and the parts asked for.
    explicit AnyCase(domain::CaseSnapshot shape) : shape_(std::move(shape)) {}

    domain::CaseSnapshot read_case(const domain::Actor&, const std::string& case_id,
                                   domain::CaseParts parts) override {
        domain::CaseSnapshot c = shape_;
        c.id = case_id;
        c.parts = parts;
        return c;
    }

    static domain::CaseSnapshot general_case() {
        domain::CaseSnapshot c;
        c.case_type_id = "general";
        c.fields = {{"f1", "Name", "Erika Muster"}};
        return c;
    }

  private:
    domain::CaseSnapshot shape_;
};

}  // namespace es::test
