# Helper of CheckVersionRule.cmake: must fail, a space is not part of a Debian version.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/AlgoscopeVersion.cmake)
algoscope_version(v SOURCE_DIR "${WORK}" BASE 1.2.3 SUFFIX "bad suffix")
