// The first words of a statement, to say in an error which one failed without printing any value
// (both backends' connections).
#pragma once

#include <string>

namespace es::store::sql {

// Up to the first 60 bytes of `sql` on one line, "…" where it was cut.
std::string statement_head(const std::string& sql);

}  // namespace es::store::sql
