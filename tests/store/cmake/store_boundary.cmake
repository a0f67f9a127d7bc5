# The storage boundary: every table is reached through store::Store (store/store.hpp), so code
# outside plugin/src/store/ neither includes the SQL layer (store/sql/, store/sqlite/,
# store/mysql/) nor casts a Store down to its SQL implementation. Fails naming each offending line.
#
#   cmake -DES_SOURCE_ROOT=<folder holding plugin/src> -P store_boundary.cmake
if(NOT ES_SOURCE_ROOT)
  message(FATAL_ERROR "ES_SOURCE_ROOT is not set")
endif()
file(GLOB_RECURSE sources "${ES_SOURCE_ROOT}/plugin/src/*")
set(offences "")
foreach(file IN LISTS sources)
  file(RELATIVE_PATH relative "${ES_SOURCE_ROOT}" "${file}")
  if(relative MATCHES "^plugin/src/store/")
    continue()
  endif()
  file(STRINGS "${file}" lines REGEX "#[ \t]*include[ \t]*[\"<]store/(sql|sqlite|mysql)/|dynamic_cast<[^>]*store::")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    string(APPEND offences "\n  ${relative}: ${line}")
  endforeach()
endforeach()
if(NOT sources)
  message(FATAL_ERROR "no sources under ${ES_SOURCE_ROOT}/plugin/src")
endif()
if(offences)
  message(FATAL_ERROR "outside plugin/src/store/, reaching below store::Store:${offences}")
endif()
list(LENGTH sources checked)
message(STATUS "storage boundary kept (${checked} files)")
