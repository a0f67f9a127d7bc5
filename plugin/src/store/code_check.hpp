// The answer to a one-time code guess.
#pragma once

namespace es::store {

enum class CodeCheck {
    Verified,        // right code, now used up
    Wrong,           // wrong code; one try spent
    NoLiveCode,      // none issued, expired, or already used: ask for a new one
    TriesExhausted,  // this code allowed no more guesses: ask for a new one
};

}  // namespace es::store
