# Runs a command that must fail, and fail for the stated reason: a negative test that passes only
# when the command exits with a non-zero code (a crash does not count) and its output matches EXPECT.
#
#   cmake -DEXPECT=<regex> -P expect_failure.cmake -- <command> [args...]

include(${CMAKE_CURRENT_LIST_DIR}/command_under_test.cmake)
if(NOT command OR NOT DEFINED EXPECT)
  message(FATAL_ERROR "usage: cmake -DEXPECT=<regex> -P expect_failure.cmake -- <command> [args...]")
endif()

run_command_under_test()
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "expected a clean failure, but the command died: ${rc}")
endif()
if(rc EQUAL 0)
  message(FATAL_ERROR "expected a failure, but the command succeeded")
endif()
if(NOT "${output}" MATCHES "${EXPECT}")
  message(FATAL_ERROR "the command failed (exit ${rc}), but not for the expected reason: ${EXPECT}")
endif()
message("failed as expected (exit ${rc}): matched ${EXPECT}")
