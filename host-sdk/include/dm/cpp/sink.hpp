// Sinks and strings: C++ values on one side, dm_sink / dm_str on the other.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "../types.h"

namespace dm {

inline dm_str to_dm(std::string_view s) noexcept {
    return dm_str{s.data(), s.size()};
}

inline std::string_view to_view(dm_str s) noexcept {
    return s.data == nullptr ? std::string_view{} : std::string_view{s.data, s.len};
}

// Writes everything the callee produces into a std::string that outlives the call.
class StringSink {
  public:
    StringSink() : sink_{this, &StringSink::append} {}
    StringSink(const StringSink&) = delete;
    StringSink& operator=(const StringSink&) = delete;

    const dm_sink* get() const noexcept { return &sink_; }
    const std::string& str() const noexcept { return text_; }
    std::string take() noexcept { return std::move(text_); }

  private:
    static void append(void* ctx, const char* data, size_t len) {
        // A sink must not throw into C; an allocation failure here ends the process, which is the
        // only honest answer when a result cannot be held.
        static_cast<StringSink*>(ctx)->text_.append(data, len);
    }

    std::string text_;
    dm_sink sink_;
};

// Writes a value into a sink the other side supplied; a NULL sink means "not wanted".
inline void write(const dm_sink* sink, std::string_view text) noexcept {
    if (sink != nullptr && sink->write != nullptr && !text.empty()) {
        sink->write(sink->ctx, text.data(), text.size());
    }
}

// Adapts any callable `void(std::string_view)` to a dm_sink for the duration of one call.
template <typename F>
class CallbackSink {
  public:
    explicit CallbackSink(F f) : f_(std::move(f)), sink_{this, &CallbackSink::call} {}
    CallbackSink(const CallbackSink&) = delete;
    CallbackSink& operator=(const CallbackSink&) = delete;

    const dm_sink* get() const noexcept { return &sink_; }

  private:
    static void call(void* ctx, const char* data, size_t len) noexcept {
        try {
            static_cast<CallbackSink*>(ctx)->f_(std::string_view(data, len));
        } catch (...) {
            // Nothing may cross back into C; the callable reports its own failures.
        }
    }

    F f_;
    dm_sink sink_;
};

}  // namespace dm
