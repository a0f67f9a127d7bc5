# Runs a command that must fail, and fail for the stated reason: a negative test that passes only
# when the command exits with a non-zero code (a crash does not count) and its output matches EXPECT.
#
#   cmake -DEXPECT=<regex> -P expect_failure.cmake -- <command> [args...]
#
# The `--` stops cmake from reading the command's own -D/-P options as its own.

set(command)
set(after_script FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_script)
    if(NOT command AND CMAKE_ARGV${i} STREQUAL "--")
      continue()
    endif()
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} MATCHES "expect_failure\\.cmake$")
    set(after_script TRUE)
  endif()
endforeach()
if(NOT command OR NOT DEFINED EXPECT)
  message(FATAL_ERROR "usage: cmake -DEXPECT=<regex> -P expect_failure.cmake -- <command> [args...]")
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "expected a clean failure, but the command died: ${rc}")
endif()
if(rc EQUAL 0)
  message(FATAL_ERROR "expected a failure, but the command succeeded")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
  message(FATAL_ERROR "the command failed (exit ${rc}), but not for the expected reason: ${EXPECT}")
endif()
message("failed as expected (exit ${rc}): matched ${EXPECT}")
