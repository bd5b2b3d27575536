# Run at every build (cmake -P): writes Version.cpp with the current version, touching the file
# only when the text changed, so an unchanged commit rebuilds nothing.
#   -DSOURCE_DIR= -DBASE= -DSUFFIX= -DTEMPLATE= -DOUT=
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/AlgoscopeVersion.cmake)
algoscope_version(ALGOSCOPE_VERSION SOURCE_DIR "${SOURCE_DIR}" BASE "${BASE}" SUFFIX "${SUFFIX}")
configure_file("${TEMPLATE}" "${OUT}" @ONLY)
