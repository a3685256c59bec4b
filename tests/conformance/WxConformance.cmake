# wx_conformance_test(NAME TRAFFIC_FILE...): a CTest test that runs conformance_check over recorded traffic
# against Cisco's OpenAPI descriptions (WEBEX_API.md §12-14). Exit 0 = conforming, 1 = findings; skipped
# (exit 77) when the descriptions are absent. Include this file from any tests/ CMakeLists (e.g. e2e) with
#   include(${CMAKE_SOURCE_DIR}/tests/conformance/WxConformance.cmake)
# The conformance_check target may be defined later: add_test resolves target names at generate time.
include_guard(GLOBAL)
set(WX_OPENAPI_DIR ${CMAKE_SOURCE_DIR}/../shared/webex-openapi CACHE PATH "Cisco's OpenAPI descriptions")

function(wx_conformance_test name)
  add_test(NAME ${name} COMMAND conformance_check --openapi-dir ${WX_OPENAPI_DIR} ${ARGN})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()
