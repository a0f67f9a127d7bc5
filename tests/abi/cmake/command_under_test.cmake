# What expect_failure.cmake and expect_output.cmake share: the command under test, given after the
# script as in
#
#   cmake -D... -P <script> -- <command> [args...]
#
# (the `--` stops cmake from reading the command's own -D/-P options as its own), and its run.
# Sets `command` to that command; run_command_under_test() runs it, prints what it wrote and sets
# `rc` (its exit code, or why it died) and `output` (its standard output, then its error output).

set(command)
set(after_script FALSE)
set(previous)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_script)
    if(NOT command AND CMAKE_ARGV${i} STREQUAL "--")
      continue()
    endif()
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(previous STREQUAL "-P")
    set(after_script TRUE)
  endif()
  set(previous "${CMAKE_ARGV${i}}")
endforeach()

function(run_command_under_test)
  execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  set(rc "${rc}" PARENT_SCOPE)
  set(output "${out}${err}" PARENT_SCOPE)
endfunction()
