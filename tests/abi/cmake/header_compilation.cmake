# Every public header of the host SDK must compile on its own, included twice (include guards), as
# C11 and as C++17/20 with -Wall -Wextra -pedantic -Werror; each C++ wrapper header as C++17/20.
#
# One tiny translation unit per header and language is generated at configure time. They are built
# as object libraries in the normal build, so a broken header breaks the build, and each is also a
# ctest that runs the compiler on it, so a failure names the header and the standard.

set(dm_sdk_include ${CMAKE_CURRENT_SOURCE_DIR}/../../host-sdk/include)
get_filename_component(dm_sdk_include ${dm_sdk_include} ABSOLUTE)
set(dm_strict_flags -Wall -Wextra -pedantic -Werror)

file(GLOB_RECURSE dm_c_headers RELATIVE ${dm_sdk_include} CONFIGURE_DEPENDS
     ${dm_sdk_include}/dm/*.h)
file(GLOB_RECURSE dm_cxx_headers RELATIVE ${dm_sdk_include} CONFIGURE_DEPENDS
     ${dm_sdk_include}/dm/*.hpp)
list(SORT dm_c_headers)
list(SORT dm_cxx_headers)

# Writes the translation unit for `header` in `language_suffix` (c or cpp) and returns its path.
function(dm_header_tu header extension out_var)
  string(MAKE_C_IDENTIFIER "${header}" id)
  set(tu ${CMAKE_CURRENT_BINARY_DIR}/header_tus/${id}.${extension})
  # A definition after the includes keeps the unit non-empty (ISO C forbids empty units), so a
  # header that only defines macros (threading.h) is checked too.
  file(CONFIGURE OUTPUT ${tu} CONTENT "/* Generated: does ${header} compile alone? */
#include <${header}>
#include <${header}> /* twice: the include guard must hold */
int dm_header_check_${id}(void);
int dm_header_check_${id}(void) { return 0; }
")
  set(${out_var} ${tu} PARENT_SCOPE)
endfunction()

# Adds the TU to the object library of its standard and registers the ctest that compiles it.
function(dm_check_header header extension lang std)
  dm_header_tu(${header} ${extension} tu)
  string(TOLOWER "${lang}${std}" std_name)
  string(REPLACE "cxx" "c++" std_name "${std_name}")
  set(lib abi_headers_${lang}${std})
  if(NOT TARGET ${lib})
    add_library(${lib} OBJECT)
    target_include_directories(${lib} PRIVATE ${dm_sdk_include})
    target_compile_options(${lib} PRIVATE ${dm_strict_flags})
    set_target_properties(${lib} PROPERTIES ${lang}_STANDARD ${std} ${lang}_STANDARD_REQUIRED ON
                                            ${lang}_EXTENSIONS OFF)
  endif()
  target_sources(${lib} PRIVATE ${tu})
  if(lang STREQUAL "C")
    set(compiler ${CMAKE_C_COMPILER})
  else()
    set(compiler ${CMAKE_CXX_COMPILER})
  endif()
  add_test(NAME abi.header_compiles.${std_name}.${header}
           COMMAND ${compiler} -std=${std_name} ${dm_strict_flags} -fsyntax-only
                   -I${dm_sdk_include} ${tu})
endfunction()

foreach(header IN LISTS dm_c_headers)
  dm_check_header(${header} c C 11)
  dm_check_header(${header} cpp CXX 17)
  dm_check_header(${header} cpp CXX 20)
endforeach()
foreach(header IN LISTS dm_cxx_headers)
  dm_check_header(${header} cpp CXX 17)
  dm_check_header(${header} cpp CXX 20)
endforeach()

# The check must be able to fail: the same command on a header that is C++ only must be rejected.
add_test(NAME abi.header_check_rejects_header_that_is_not_c11
         COMMAND ${CMAKE_C_COMPILER} -std=c11 ${dm_strict_flags} -fsyntax-only
                 ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/not_c11_header.c)
set_tests_properties(abi.header_check_rejects_header_that_is_not_c11 PROPERTIES WILL_FAIL TRUE)
