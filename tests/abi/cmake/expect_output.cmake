# Runs a command that must succeed and print every one of the given regular expressions: a test of
# what a run did, not only that it ended well (ctest's PASS_REGULAR_EXPRESSION ignores the exit code
# and accepts any one of its expressions).
#
#   cmake -DEXPECT_1=<regex> [-DEXPECT_2=<regex> ...] -P expect_output.cmake -- <command> [args...]

set(command)
set(after_script FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_script)
    if(NOT command AND CMAKE_ARGV${i} STREQUAL "--")
      continue()
    endif()
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} MATCHES "expect_output\\.cmake$")
    set(after_script TRUE)
  endif()
endforeach()
if(NOT command OR NOT DEFINED EXPECT_1)
  message(FATAL_ERROR "usage: cmake -DEXPECT_1=<regex> ... -P expect_output.cmake -- <command> [args...]")
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the command failed: ${rc}")
endif()
foreach(n RANGE 1 9)
  if(DEFINED EXPECT_${n} AND NOT "${out}${err}" MATCHES "${EXPECT_${n}}")
    message(FATAL_ERROR "the command succeeded, but its output lacks: ${EXPECT_${n}}")
  endif()
endforeach()
