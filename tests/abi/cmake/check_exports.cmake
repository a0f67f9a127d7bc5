# Fails unless LIBRARY's dynamic symbol table defines exactly one symbol: the data object
# `dm_plugin_entry`. Everything a plugin exports besides it is a leak: it can clash with the host's
# or another plugin's symbols and it becomes an accidental interface.
#
#   cmake -DNM=<nm> -DLIBRARY=<plugin.so> -P check_exports.cmake
#
# GNU ld emits no other defined dynamic symbol for a library built with hidden visibility or a
# version script, so nothing is exempt.

if(NOT NM OR NOT LIBRARY)
  message(FATAL_ERROR "usage: cmake -DNM=<nm> -DLIBRARY=<plugin.so> -P check_exports.cmake")
endif()
execute_process(COMMAND ${NM} -D --defined-only --format=posix ${LIBRARY}
                RESULT_VARIABLE rc OUTPUT_VARIABLE table ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} cannot read ${LIBRARY}: ${err}")
endif()

set(problems)
set(entry_found FALSE)
string(REPLACE "\n" ";" lines "${table}")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  # posix format: "<name> <type> <value> <size>"
  string(REGEX MATCH "^([^ ]+) ([A-Za-z])" _ "${line}")
  set(name "${CMAKE_MATCH_1}")
  set(type "${CMAKE_MATCH_2}")
  if(name STREQUAL "dm_plugin_entry")
    if(type MATCHES "^[DdRrBbVv]$")
      set(entry_found TRUE)
    else()
      list(APPEND problems "dm_plugin_entry is not a data object (nm type ${type})")
    endif()
  else()
    list(APPEND problems "unexpected export: ${name} (nm type ${type})")
  endif()
endforeach()
if(NOT entry_found)
  list(APPEND problems "dm_plugin_entry is not exported")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "${LIBRARY} breaks the one-symbol rule:\n  ${text}")
endif()
message("${LIBRARY} exports only dm_plugin_entry")
