# Runs a command that must succeed and print every one of the given regular expressions: a test of
# what a run did, not only that it ended well (ctest's PASS_REGULAR_EXPRESSION ignores the exit code
# and accepts any one of its expressions).
#
#   cmake -DEXPECT_1=<regex> [-DEXPECT_2=<regex> ...] -P expect_output.cmake -- <command> [args...]

include(${CMAKE_CURRENT_LIST_DIR}/command_under_test.cmake)
if(NOT command OR NOT DEFINED EXPECT_1)
  message(FATAL_ERROR "usage: cmake -DEXPECT_1=<regex> ... -P expect_output.cmake -- <command> [args...]")
endif()

run_command_under_test()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the command failed: ${rc}")
endif()
foreach(n RANGE 1 9)
  if(DEFINED EXPECT_${n} AND NOT "${output}" MATCHES "${EXPECT_${n}}")
    message(FATAL_ERROR "the command succeeded, but its output lacks: ${EXPECT_${n}}")
  endif()
endforeach()
