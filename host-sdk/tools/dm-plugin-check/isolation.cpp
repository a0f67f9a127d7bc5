#include "isolation.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include "records.hpp"

namespace dm_check {

namespace {

// Everything one child reported, and how it ended.
struct ChildOutcome {
    bool done = false;  // the session reached its end
    bool timed_out = false;
    int wait_status = 0;
    int step = -1;  // the step running when the child ended
    std::string step_name;
};

[[noreturn]] void child(int fd, const SessionOptions& options, int report_from,
                        const std::set<int>& skip) {
    RecordWriter out(fd, report_from);
    run_session(options, out, skip);
    // exit(), not _exit(): the plugin's exit-time code (static destructors, atexit handlers) runs
    // in every real host, so it runs here too and may be caught crashing.
    std::exit(0);
}

void collect(int fd, pid_t pid, int timeout_seconds, Report& report, ChildOutcome& outcome) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    std::string pending;
    char buffer[4096];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            outcome.timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            continue;  // the deadline check above decides
        }
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;  // every writer is gone: the child ended
        }
        pending.append(buffer, static_cast<std::size_t>(n));
        std::size_t newline;
        while ((newline = pending.find('\n')) != std::string::npos) {
            Record r = decode_record(pending.substr(0, newline));
            pending.erase(0, newline + 1);
            auto field = [&](std::size_t i) { return i < r.fields.size() ? r.fields[i] : ""; };
            if (r.kind == "step") {
                outcome.step = std::atoi(field(0).c_str());
                outcome.step_name = field(1);
            } else if (r.kind == "info") {
                report.info(field(0), field(1));
            } else if (r.kind == "pass") {
                report.pass(field(0), field(1));
            } else if (r.kind == "fail") {
                report.fail(field(0), field(1));
            } else if (r.kind == "done") {
                outcome.done = true;
            }
        }
    }
    while (::waitpid(pid, &outcome.wait_status, 0) < 0 && errno == EINTR) {
    }
}

std::string how_it_ended(const ChildOutcome& o, int timeout_seconds) {
    if (o.timed_out) {
        return "did not finish within " + std::to_string(timeout_seconds) + " s (killed)";
    }
    if (WIFSIGNALED(o.wait_status)) {
        int sig = WTERMSIG(o.wait_status);
        return "killed the process with signal " + std::to_string(sig) + " (" + ::strsignal(sig) +
               (sig == SIGABRT ? "; an uncaught exception or a failed assertion?" : "") + ")";
    }
    return "ended the process with exit code " + std::to_string(WEXITSTATUS(o.wait_status));
}

}  // namespace

void run_isolated(const SessionOptions& options, Report& report, int timeout_seconds) {
    std::set<int> skip;
    int report_from = 0;
    bool died = false;
    // Each death leaves one step out, so the number of children is bounded by the number of steps.
    for (int children = 0; children < 200; ++children) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            report.fail("checker.internal", std::string("pipe: ") + std::strerror(errno));
            return;
        }
        std::fflush(nullptr);  // nothing buffered may be written twice
        pid_t pid = ::fork();
        if (pid < 0) {
            report.fail("checker.internal", std::string("fork: ") + std::strerror(errno));
            return;
        }
        if (pid == 0) {
            ::close(fds[0]);
            child(fds[1], options, report_from, skip);
        }
        ::close(fds[1]);
        ChildOutcome outcome;
        collect(fds[0], pid, timeout_seconds, report, outcome);
        ::close(fds[0]);

        const bool clean = WIFEXITED(outcome.wait_status) && WEXITSTATUS(outcome.wait_status) == 0;
        if (outcome.done && clean && !outcome.timed_out) {
            break;
        }
        died = true;
        if (outcome.done) {
            report.fail("process.clean_exit",
                        "after deinit, the plugin " + how_it_ended(outcome, timeout_seconds) +
                            " at process exit (static destructors, atexit handlers, threads)");
            break;
        }
        const std::string where =
            outcome.step < 0 ? " before the first step" : " during " + outcome.step_name;
        report.fail(outcome.timed_out ? "process.no_hang" : "process.no_crash",
                    "the plugin " + how_it_ended(outcome, timeout_seconds) + where);
        if (outcome.step < 0) {
            break;
        }
        skip.insert(outcome.step);
        report_from = outcome.step + 1;
    }
    if (!died) {
        report.pass("process.no_crash", "every call returned and the process exited cleanly");
    }
}

}  // namespace dm_check
