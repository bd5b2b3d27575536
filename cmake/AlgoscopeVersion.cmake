# The one rule for Algoscope's version string, shown by every program's --version, the About
# box and the Debian packages (docs/packaging.md):
#   - a build of the commit tagged v<project version> with no local changes: "0.1.0";
#   - any other commit: "0.1.0+git<N>.g<hash>", N = commits in its history (grows along main,
#     so a later snapshot is a higher package version), hash = its short id;
#   - uncommitted changes to tracked files add ".dirty"; no git (a source tarball): "0.1.0".
# ALGOSCOPE_VERSION_SUFFIX, when set, is appended verbatim (scripts/package-test.sh builds an
# upgrade this way). Usable at configure time and from a `cmake -P` script.
function(algoscope_version out_var)
  cmake_parse_arguments(V "" "SOURCE_DIR;BASE;SUFFIX" "" ${ARGN})
  set(version "${V_BASE}")
  find_package(Git QUIET)
  if(GIT_FOUND AND EXISTS "${V_SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${V_SOURCE_DIR}" rev-list --count HEAD
                    OUTPUT_VARIABLE count RESULT_VARIABLE count_failed
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${V_SOURCE_DIR}" rev-parse --short=7 HEAD
                    OUTPUT_VARIABLE hash OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${V_SOURCE_DIR}" describe --tags --exact-match
                            --match "v${V_BASE}" HEAD
                    RESULT_VARIABLE not_tagged OUTPUT_QUIET ERROR_QUIET)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${V_SOURCE_DIR}" status --porcelain
                            --untracked-files=no
                    OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(count_failed EQUAL 0 AND hash)
      if(NOT not_tagged EQUAL 0 OR changes)
        string(APPEND version "+git${count}.g${hash}")
      endif()
      if(changes)
        string(APPEND version ".dirty")
      endif()
    endif()
  endif()
  if(V_SUFFIX)
    if(NOT V_SUFFIX MATCHES "^[A-Za-z0-9.+~]+$")
      message(FATAL_ERROR "ALGOSCOPE_VERSION_SUFFIX '${V_SUFFIX}' may only hold letters, digits "
                          "and . + ~ (a Debian version)")
    endif()
    string(APPEND version "${V_SUFFIX}")
  endif()
  set(${out_var} "${version}" PARENT_SCOPE)
endfunction()
