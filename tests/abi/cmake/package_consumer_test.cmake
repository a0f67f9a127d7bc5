# Installs the host SDK component from BUILD_DIR into a fresh prefix under WORK_DIR, then configures,
# builds and runs tests/abi/package_consumer against it: what an integrator does.
#
#   cmake -DBUILD_DIR=<project build> -DCONSUMER_DIR=<package_consumer> -DWORK_DIR=<scratch>
#         [-DWANTED_VERSION=1] -P package_consumer_test.cmake

foreach(var BUILD_DIR CONSUMER_DIR WORK_DIR)
  if(NOT ${var})
    message(FATAL_ERROR "${var} is required")
  endif()
endforeach()
if(NOT WANTED_VERSION)
  set(WANTED_VERSION 1)
endif()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc})")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run("installing the dm_host_sdk component"
    ${CMAKE_COMMAND} --install ${BUILD_DIR} --component dm_host_sdk --prefix ${prefix})
if(NOT EXISTS ${prefix}/include/dm/dm.h OR NOT EXISTS ${prefix}/include/dm/cpp/dm.hpp)
  message(FATAL_ERROR "the component did not install the headers")
endif()
run("configuring the consumer"
    ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
    -DDM_SDK_WANTED_VERSION=${WANTED_VERSION})
run("building the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("running the consumer's host" ${WORK_DIR}/build/consumer_host)
